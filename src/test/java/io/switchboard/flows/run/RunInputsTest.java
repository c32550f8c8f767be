package io.switchboard.flows.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.apps.AppView;
import io.switchboard.apps.EntityDef;
import io.switchboard.apps.FieldType;
import io.switchboard.apps.Plan;
import io.switchboard.catalog.Catalog;
import io.switchboard.testsupport.ProviderApis;

/** Input templates and the defaults an action gets when the flow leaves an input unset. */
@QuarkusTest
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class RunInputsTest {
    static final EntityDef TICKET = new EntityDef("Ticket", List.of(new EntityDef.Field("subject", FieldType.STRING),
            new EntityDef.Field("priority", FieldType.STRING), new EntityDef.Field("opened", FieldType.DATE),
            new EntityDef.Field("escalated", FieldType.BOOLEAN)));
    static final AppView APP = new AppView("app-1", "Helpdesk", Plan.PRO, "Europe/Paris", List.of(TICKET), List.of(),
            "editor", Instant.EPOCH);

    @Inject
    RunInputs inputs;
    @Inject
    Catalog catalog;

    Map<String, Object> ticket(String subject, String priority, String opened) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subject", subject);
        data.put("priority", priority);
        data.put("opened", opened);
        return RunInputs.recordMap(TICKET, "t-1", data, "member", "https://helpdesk.example.com/tickets/t-1");
    }

    Map<String, Object> render(String actionId, Map<String, String> given, Map<String, Object> record,
            List<Map<String, Object>> records) {
        return inputs.render(catalog.action(actionId).orElseThrow(), given, new RunInputs.Scope(APP, TICKET,
                records, record, record == null ? null : "created", "member", "member@example.com"));
    }

    @Test
    void eventEmail_defaultsNameTheRecordAndListItsSetFields() {
        Map<String, Object> record = ticket("VPN broken", null, "2026-11-20");

        Map<String, Object> values = render("gmail.send_email", Map.of(), record, List.of(record));

        assertEquals("member@example.com", values.get("to"));
        assertEquals("New Ticket: VPN broken", values.get("subject"));
        assertEquals("Subject: VPN broken\nOpened: 2026-11-20\n", values.get("body"));
    }

    @Test
    void scheduledSlackText_listsTheRecordsWithDateAndPriority() {
        List<Map<String, Object>> records = List.of(ticket("VPN broken", "high", "2026-11-20"), ticket("Typo", null, null));

        Map<String, Object> values = render("slack_bot.post_message", Map.of("channel", "support"), null, records);

        assertEquals("Your Ticket items (2):\n- VPN broken (opened 2026-11-20) · priority high\n- Typo\n", values.get("text"));
    }

    @Test
    void givenTemplates_seeUserAppRecordAndToday() {
        Map<String, Object> record = ticket("VPN broken", "high", null);

        Map<String, Object> values = render("slack_bot.post_message", Map.of("channel", "{app.name}-alerts",
                "text", "{user.name}: {record.subject} ({record.priority}) on {today}"), record, List.of(record));

        assertEquals("Helpdesk-alerts", values.get("channel"));
        assertThat((String) values.get("text")).matches("member: VPN broken \\(high\\) on \\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void structuredInput_isJsonWhoseStringsAreTemplates() {
        Map<String, Object> record = ticket("VPN broken", "high", null);

        Map<String, Object> values = render("hubspot.create_contact",
                Map.of("properties", "{\"email\":\"{user.email}\",\"company\":\"{app.name}\"}"), record, List.of(record));

        assertEquals(Map.of("email", "member@example.com", "company", "Helpdesk"), values.get("properties"));
    }

    @Test
    void calendarDefaults_makeAnAllDayEventOnTheRecordsDate() {
        Map<String, Object> record = ticket("Review VPN", null, "2026-11-20");

        Map<String, Object> values = render("google_calendar.create_event", Map.of(), record, List.of(record));

        assertEquals("New Ticket: Review VPN", values.get("summary"));
        assertEquals(Map.of("date", "2026-11-20"), values.get("start"));
        assertEquals(Map.of("date", "2026-11-21"), values.get("end"));
    }

    @Test
    void templateNamingAMissingField_failsWithASentence() {
        Map<String, Object> record = ticket("VPN broken", "high", null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> render("slack_bot.post_message",
                Map.of("channel", "support", "text", "{record.assignee}"), record, List.of(record)));
        assertThat(e.getMessage()).startsWith("The template of input 'text' cannot be filled");
    }

    @Test
    void eventSlackText_namesTheTicketItsPriorityAndItsLink() {
        Map<String, Object> record = ticket("VPN broken", "high", "2026-11-20");

        Map<String, Object> values = render("slack_bot.post_message", Map.of("channel", "support"), record, List.of(record));

        assertEquals("New Ticket: VPN broken · priority high\nhttps://helpdesk.example.com/tickets/t-1", values.get("text"));
    }

    @Test
    void eventSlackText_escapesWhatSlackReadsAsMarkup() {
        Map<String, Object> record = ticket("Printer <3rd floor> & <!channel>", "high", null);

        Map<String, Object> values = render("slack_bot.post_message", Map.of("channel", "support"), record, List.of(record));

        assertEquals("New Ticket: Printer &lt;3rd floor&gt; &amp; &lt;!channel&gt; · priority high\n"
                + "https://helpdesk.example.com/tickets/t-1", values.get("text"));
        Map<String, Object> discord = render("discord.post_message", Map.of("channel", "support"), record, List.of(record));
        assertThat((String) discord.get("content")).startsWith("New Ticket: Printer <3rd floor> & <!channel>");
    }

    @Test
    void deletedTicketSlackText_hasNoLinkToWhatIsGone() {
        Map<String, Object> record = ticket("VPN broken", "high", null);

        Map<String, Object> values = inputs.render(catalog.action("slack_bot.post_message").orElseThrow(),
                Map.of("channel", "support"), new RunInputs.Scope(APP, TICKET, List.of(record), record, "deleted",
                        "member", "member@example.com"));

        assertEquals("Deleted Ticket: VPN broken · priority high", values.get("text"));
    }

    @Test
    void sheetsRow_cellsFollowTheEntitysFieldOrder_whateverOrderTheDataCameIn() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("escalated", true);
        data.put("opened", "2026-11-20");
        data.put("subject", "VPN broken");
        Map<String, Object> record = RunInputs.recordMap(TICKET, "t-9", data, "member", "https://x/t-9");

        Map<String, Object> values = render("google_sheets.append_row", Map.of("spreadsheetId", "s1"), record,
                List.of(record));

        assertEquals(List.of(List.of("VPN broken", "", "2026-11-20", "true")), values.get("values"));
        assertEquals("Sheet1", values.get("range"));
    }

    @Test
    void scheduledTodoEmail_listsEachOpenTodoWithItsDueDate() {
        EntityDef todo = new EntityDef("Todo", List.of(new EntityDef.Field("title", FieldType.STRING),
                new EntityDef.Field("due", FieldType.DATE), new EntityDef.Field("done", FieldType.BOOLEAN)));
        AppView tasks = new AppView("app-2", "Tasks", Plan.BUILDER, "Europe/Paris", List.of(todo), List.of(), "editor",
                Instant.EPOCH);
        List<Map<String, Object>> todos = List.of(
                RunInputs.recordMap(todo, "1", Map.of("title", "Buy milk", "due", "2026-12-01"), "member", null),
                RunInputs.recordMap(todo, "2", Map.of("title", "Old chore", "due", "2026-11-01", "done", true), "member",
                        null),
                RunInputs.recordMap(todo, "3", Map.of("title", "Call mum", "done", false), "member", null));

        Map<String, Object> values = inputs.render(catalog.action("gmail.send_email").orElseThrow(), Map.of(),
                new RunInputs.Scope(tasks, todo, todos, null, null, "member", "member@example.com"));

        assertEquals("member@example.com", values.get("to"));
        assertThat((String) values.get("subject")).matches("Your Todo list for \\d{4}-\\d{2}-\\d{2}");
        assertEquals("Your open Todo items (2):\n- Buy milk (due 2026-12-01)\n- Call mum\n", values.get("body"));
    }

    @Test
    void scheduledTodoEmail_nothingOpen_saysSo() {
        EntityDef todo = new EntityDef("Todo", List.of(new EntityDef.Field("title", FieldType.STRING),
                new EntityDef.Field("done", FieldType.BOOLEAN)));
        AppView tasks = new AppView("app-2", "Tasks", Plan.BUILDER, "Europe/Paris", List.of(todo), List.of(), "editor",
                Instant.EPOCH);

        Map<String, Object> values = inputs.render(catalog.action("gmail.send_email").orElseThrow(), Map.of(),
                new RunInputs.Scope(tasks, todo, List.of(), null, null, "member", "member@example.com"));

        assertEquals("Nothing open in your Todo list today.", values.get("body"));
    }
}
