package io.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {
    static final Set<String> CONNECTORS = Set.of("gmail", "google_drive", "google_docs", "google_sheets",
            "google_slides", "google_calendar", "google_bigquery", "google_analytics", "slack_user", "slack_bot",
            "discord", "github", "notion", "clickup", "wrike", "box", "salesforce", "hubspot", "linkedin", "tiktok");
    static final Set<String> REQUIRED_ACTIONS = Set.of("gmail.send_email", "gmail.create_draft",
            "google_drive.upload_file", "google_docs.create_document", "google_sheets.append_row",
            "google_slides.create_presentation", "google_calendar.create_event", "google_bigquery.insert_rows",
            "google_bigquery.run_query", "google_analytics.run_report", "slack_user.post_message",
            "slack_bot.post_message", "discord.post_message", "github.create_issue", "notion.create_page",
            "clickup.create_task", "wrike.create_task", "box.upload_file", "salesforce.create_record",
            "hubspot.create_contact", "linkedin.share_post", "tiktok.list_videos");

    final CatalogLoader loader = new CatalogLoader();
    final Map<String, String> files = CatalogFiles.fromDirectory(Path.of("catalog"));

    @Test
    void catalog_holdsAllTwentyConnectorsAndEveryContractAction() {
        CatalogLoader.Result result = loader.load(files);
        assertThat(result.errors()).isEmpty();
        assertThat(result.connectors()).extracting(Connector::id).containsExactlyInAnyOrderElementsOf(CONNECTORS);
        Set<String> actions = result.connectors().stream().flatMap(c -> c.actions().stream()).map(Action::id)
                .collect(Collectors.toSet());
        assertThat(actions).containsAll(REQUIRED_ACTIONS);
        assertThat(result.connectors()).allSatisfy(c -> assertThat(c.actions()).hasSizeBetween(2, 5));
    }

    /** Each broken file must be caught with the file, the path inside it and what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            undeclared action scope  | scopes: ['https://www.googleapis.com/auth/gmail.send']=>scopes: ['https://mail.google.com/'] | gmail.yaml: $.actions[0].scopes[0]: 'https://mail.google.com/' is not declared under scopes
            unknown key              | 'category: email'=>'category: email\\ncolour: red'          | gmail.yaml: $: property 'colour' is not defined
            missing name             | 'name: Gmail\\n'=>''                                        | gmail.yaml: $: required property 'name' not found
            id differs from file     | 'id: gmail'=>'id: gmail2'                                  | gmail.yaml: $.id: 'gmail2' must match the file name 'gmail'
            bad category             | 'category: email'=>'category: mail'                        | gmail.yaml: $.category
            undeclared placeholder   | 'path: /gmail/v1/users/me/messages/send'=>'path: /gmail/v1/users/{userId}/messages/send' | gmail.yaml: $.actions[0].request.path: placeholder {userId} is not a declared input
            action of other connector| 'id: gmail.send_email'=>'id: slack_bot.send_email'         | gmail.yaml: $.actions[0].id: 'slack_bot.send_email' must start with 'gmail.'
            not yaml                 | 'id: gmail'=>'id: [gmail'                                  | gmail.yaml: not valid YAML
            too few example prompts  | 'examplePrompts:'=>'examplePrompts: []\\nunused:'          | gmail.yaml: $.examplePrompts
            """)
    void brokenFile_givesPreciseError(String caseName, String replacement, String expected) {
        String[] parts = replacement.split("=>", 2);
        String from = unquote(parts[0]).replace("\\n", "\n");
        String to = unquote(parts[1]).replace("\\n", "\n");
        String original = files.get("gmail.yaml");
        assertThat(original).contains(from);
        String broken = original.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));

        Map<String, String> withBroken = new LinkedHashMap<>(files);
        withBroken.put("gmail.yaml", broken);
        CatalogLoader.Result result = loader.load(withBroken);

        assertThat(result.errors()).anySatisfy(error -> assertThat(error).contains(expected));
        assertThat(result.connectors()).extracting(Connector::id).doesNotContain("gmail", "gmail2");
    }

    @Test
    void duplicateActionAcrossFiles_isReported() {
        Map<String, String> twice = new LinkedHashMap<>(files);
        twice.put("gmail_copy.yaml", files.get("gmail.yaml").replace("id: gmail\n", "id: gmail_copy\n"));
        List<String> errors = loader.load(twice).errors();
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("gmail_copy.yaml: $.actions[0].id"));
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t;
    }
}
