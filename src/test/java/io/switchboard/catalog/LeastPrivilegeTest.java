package io.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the narrowest scope each contract action asks for, so nobody widens one by accident. */
class LeastPrivilegeTest {
    static final Map<String, Action> ACTIONS = new CatalogLoader().load(CatalogFiles.fromDirectory(Path.of("catalog")))
            .connectors().stream().flatMap(c -> c.actions().stream())
            .collect(Collectors.toMap(Action::id, Function.identity()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            gmail.send_email                  | https://www.googleapis.com/auth/gmail.send
            gmail.create_draft                | https://www.googleapis.com/auth/gmail.compose
            google_drive.upload_file          | https://www.googleapis.com/auth/drive.file
            google_docs.create_document       | https://www.googleapis.com/auth/drive.file
            google_sheets.append_row          | https://www.googleapis.com/auth/drive.file
            google_slides.create_presentation | https://www.googleapis.com/auth/drive.file
            google_calendar.create_event      | https://www.googleapis.com/auth/calendar.events
            google_bigquery.insert_rows       | https://www.googleapis.com/auth/bigquery.insertdata
            google_analytics.run_report       | https://www.googleapis.com/auth/analytics.readonly
            slack_user.post_message           | chat:write
            slack_bot.post_message            | chat:write
            github.create_issue               | repo
            notion.create_page                | none
            clickup.create_task               | none
            wrike.create_task                 | wsReadWrite
            box.upload_file                   | root_readwrite
            salesforce.create_record          | api
            hubspot.create_contact            | crm.objects.contacts.write
            linkedin.share_post               | w_member_social
            tiktok.list_videos                | video.list
            """)
    void action_asksForItsLeastScope(String actionId, String scope) {
        assertThat(ACTIONS).containsKey(actionId);
        assertThat(ACTIONS.get(actionId).scopes()).isEqualTo(scope == null ? List.of() : List.of(scope));
    }
}
