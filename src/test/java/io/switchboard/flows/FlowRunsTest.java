package io.switchboard.flows;

import static io.switchboard.testsupport.Api.addRecord;
import static io.switchboard.testsupport.Api.awaitRun;
import static io.switchboard.testsupport.Api.runNow;
import static io.switchboard.testsupport.Api.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.agent.Trigger;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.flows.run.FlowRun;
import io.switchboard.flows.run.RunNodes;
import io.switchboard.flows.run.RunStatus;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.Await;
import io.switchboard.testsupport.Connect;
import io.switchboard.testsupport.ProviderApis;

/**
 * Runs end to end over real connections: consent at the sandbox provider, tokens from its token endpoint, the
 * trigger, the queue, the runner and the HTTP executor calling the sandbox API, which keeps what it received.
 */
@QuarkusTest
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class FlowRunsTest {
    static final Trigger NEVER = Trigger.schedule("0 0 8 1 1 ? 2099", "Europe/Paris");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FlowCreation flows;
    @Inject
    RunNodes nodes;

    String gmailFlow(String appId, ConnectionMode mode, Map<String, String> filter) {
        return flows.create(new FlowCreation.NewFlow(appId, null, "gmail", "gmail.send_email", NEVER, "Todo", filter,
                Map.of("to", "{user.email}", "subject", "Your to-do list"), mode, "editor", false));
    }

    String slackFlow(String appId, Trigger trigger, String channel, Map<String, String> filter) {
        return flows.create(new FlowCreation.NewFlow(appId, null, "slack_bot", "slack_bot.post_message", trigger, null,
                filter, Map.of("channel", channel), ConnectionMode.SHARED, "editor", false));
    }

    static String email(Map<String, Object> sent) throws Exception {
        String raw = JSON.readTree((String) sent.get("body")).path("raw").asText();
        return new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
    }

    static Map<String, Object> succeeded(String appId, String flowId) {
        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "a run to succeed: " + Api.runs(appId, flowId));
        return Api.runs(appId, flowId).get(0);
    }

    @Test
    void todoEmail_manualRun_listsEachOpenTodoWithItsDueDate() throws Exception {
        String appId = Api.createTasksAppWithMember();
        addRecord("editor", appId, "Todo", Map.of("title", "Buy milk", "due", "2026-12-01", "done", false));
        addRecord("member", appId, "Todo", Map.of("title", "File taxes"));
        addRecord("editor", appId, "Todo", Map.of("title", "Old chore", "due", "2026-01-01", "done", true));
        Connect.viaSandbox(appId, "editor", "gmail", "shared", "gmail.send_email");
        String flowId = gmailFlow(appId, ConnectionMode.SHARED, null);

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, run.get("attempts"));
        assertThat(run.get("startedAt")).isNotNull();
        assertThat(run.get("finishedAt")).isNotNull();
        Map<String, Object> call = sent("gmail", (String) run.get("resultId"));
        assertEquals("/gmail/v1/users/me/messages/send", call.get("path"));
        assertEquals("editor@example.com", call.get("account"));
        assertEquals("To: editor@example.com\r\nSubject: Your to-do list\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Your open Todo items (2):\r\n- Buy milk (due 2026-12-01)\r\n- File taxes\r\n", email(call));
    }

    @Test
    void todoEmail_notDoneAndOwnedByTheUser_listsOnlyTheirOpenTodos() throws Exception {
        String appId = Api.createTasksAppWithMember();
        addRecord("editor", appId, "Todo", Map.of("title", "Never ticked"));
        addRecord("editor", appId, "Todo", Map.of("title", "Ticked off", "done", true));
        addRecord("editor", appId, "Todo", Map.of("title", "Still open", "due", "2026-12-02", "done", false));
        addRecord("member", appId, "Todo", Map.of("title", "Someone else's", "done", false));
        Connect.viaSandbox(appId, "editor", "gmail", "shared", "gmail.send_email");
        String flowId = gmailFlow(appId, ConnectionMode.SHARED, Map.of("done", "false", "createdBy", "{user}"));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertThat(email(sent("gmail", (String) run.get("resultId"))))
                .endsWith("Your open Todo items (2):\r\n- Never ticked\r\n- Still open (due 2026-12-02)\r\n");
    }

    @Test
    void runLeftRunningWithoutAWorker_isSentAgainByItsNodeAndCompletes() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        Connect.viaSandbox(appId, "editor", "slack_bot", "shared", "slack_bot.post_message");
        String channel = "stalled-" + UUID.randomUUID();
        String flowId = slackFlow(appId, NEVER, channel, null);
        // as a worker leaves it when writing the outcome fails: claimed by this node, then nobody on it
        String runId = QuarkusTransaction.requiringNew().call(() -> {
            FlowRun run = new FlowRun();
            run.id = UUID.randomUUID().toString();
            run.flowId = flowId;
            run.idempotencyKey = flowId + ":stalled";
            run.status = RunStatus.running;
            run.attempts = 1;
            run.createdAt = Instant.now();
            run.startedAt = run.createdAt;
            run.nodeId = nodes.id();
            run.persist();
            return run.id;
        });

        Map<String, Object> run = awaitRun(appId, flowId, runId, "succeeded");

        assertEquals(2, run.get("attempts"));
        assertEquals("/api/chat.postMessage", sent("slack_bot", channel).get("path"));
    }

    @Test
    void ticketCreated_slackMessageNamesTheTicketItsPriorityAndLink() throws Exception {
        String appId = Api.createApp(Api.HELPDESK_APP);
        Connect.viaSandbox(appId, "editor", "slack_bot", "shared", "slack_bot.post_message");
        String channel = "support-" + UUID.randomUUID();
        slackFlow(appId, Trigger.entityEvent("Ticket", "created"), channel, null);

        String ticket = addRecord("editor", appId, "Ticket", Map.of("subject", "Printer on fire", "priority", "high",
                "status", "open"));

        Await.until(() -> Api.outbox().stream().anyMatch(e -> String.valueOf(e.get("body")).contains(channel)),
                () -> "the Slack message");
        Map<String, Object> call = sent("slack_bot", channel);
        assertEquals("/api/chat.postMessage", call.get("path"));
        String link = RestAssured.baseURI + ":" + RestAssured.port + "/api/apps/" + appId + "/entities/Ticket/records/"
                + ticket;
        assertEquals(JSON.readTree("{\"channel\":\"" + channel + "\",\"text\":\"New Ticket: Printer on fire"
                + " · priority high · status open\\n" + link + "\"}"), JSON.readTree((String) call.get("body")));
        Api.editor().get(link.substring(link.indexOf("/api/"))).then().statusCode(200)
                .body(containsString("Printer on fire"));
    }

    @Test
    void ticketCreated_filterOnPriority_onlyMatchingRecordsRun() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        Connect.viaSandbox(appId, "editor", "slack_bot", "shared", "slack_bot.post_message");
        String channel = "urgent-" + UUID.randomUUID();
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "created"), channel, Map.of("priority", "urgent"));

        addRecord("editor", appId, "Ticket", Map.of("subject", "Typo on page", "priority", "low"));
        addRecord("editor", appId, "Ticket", Map.of("subject", "Site down", "priority", "URGENT"));

        succeeded(appId, flowId);
        assertEquals(1, Api.runs(appId, flowId).size());
        assertThat((String) sent("slack_bot", channel).get("body")).contains("Site down");
    }

    @Test
    void sheetsRow_mapsFieldsToColumnsInEntityOrder() throws Exception {
        String appId = Api.createApp(Api.HELPDESK_APP);
        Connect.viaSandbox(appId, "editor", "google_sheets", "shared", "google_sheets.append_row");
        String sheet = "sheet-" + UUID.randomUUID();
        String flowId = flows.create(new FlowCreation.NewFlow(appId, null, "google_sheets", "google_sheets.append_row",
                Trigger.entityEvent("Ticket", "created"), null, null, Map.of("spreadsheetId", sheet, "range", "Tickets!A:D"),
                ConnectionMode.SHARED, "editor", false));

        addRecord("editor", appId, "Ticket", Map.of("status", "open", "opened", "2026-11-20", "subject", "VPN broken"));

        succeeded(appId, flowId);
        Map<String, Object> call = Api.outbox().stream().filter(e -> String.valueOf(e.get("path")).contains(sheet))
                .findFirst().orElseThrow();
        assertEquals("/v4/spreadsheets/" + sheet + "/values/Tickets!A:D:append", call.get("path"));
        assertThat((String) call.get("query")).contains("valueInputOption=");
        JsonNode body = JSON.readTree((String) call.get("body"));
        assertEquals(JSON.readTree("[[\"VPN broken\",\"\",\"open\",\"2026-11-20\"]]"), body.path("values"));
    }

    @Test
    void perUserFlow_actsOncePerConnectedUserOnTheirOwnRecords() throws Exception {
        String appId = Api.createTasksAppWithMember();
        addRecord("editor", appId, "Todo", Map.of("title", "Editor's task"));
        addRecord("member", appId, "Todo", Map.of("title", "Member's task", "due", "2026-12-03"));
        Connect.viaSandbox(appId, "member", "gmail", "per_user", "gmail.send_email");
        String flowId = gmailFlow(appId, ConnectionMode.PER_USER, null);

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, run.get("skippedUsers"));
        Map<String, Object> call = sent("gmail", (String) run.get("resultId"));
        assertEquals("member@example.com", call.get("account"));
        assertThat(email(call)).startsWith("To: member@example.com\r\n")
                .endsWith("Your open Todo items (1):\r\n- Member's task (due 2026-12-03)\r\n");
        assertEquals(List.of(Map.of("user", "editor", "reason", "not_connected")),
                Api.flow(appId, flowId).get("missingUsers"));
    }

    @Test
    void perUserFlow_oneUserDisconnects_isSkippedAndNamedWhileTheOtherStillGetsTheirs() throws Exception {
        String appId = Api.createTasksAppWithMember();
        addRecord("editor", appId, "Todo", Map.of("title", "Editor's task"));
        addRecord("member", appId, "Todo", Map.of("title", "Member's task"));
        String editors = Connect.viaSandbox(appId, "editor", "gmail", "per_user", "gmail.send_email");
        Connect.viaSandbox(appId, "member", "gmail", "per_user", "gmail.send_email");
        String flowId = gmailFlow(appId, ConnectionMode.PER_USER, null);
        Map<String, Object> both = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");
        assertEquals(0, both.get("skippedUsers"));
        assertEquals(List.of(), Api.flow(appId, flowId).get("missingUsers"));

        Connect.disconnect(appId, "editor", editors);
        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, run.get("skippedUsers"));
        Map<String, Object> call = sent("gmail", (String) run.get("resultId"));
        assertEquals("member@example.com", call.get("account"));
        assertThat(email(call)).contains("Member's task").doesNotContain("Editor's task");
        assertEquals("active", Api.flow(appId, flowId).get("status"));
        assertEquals(List.of(Map.of("user", "editor", "reason", "not_connected")),
                Api.flow(appId, flowId).get("missingUsers"));
        Api.page("editor").get("/apps/" + appId + "/flows").then().statusCode(200)
                .body(containsString("Skipped on each run: editor has not connected Gmail."));
    }

    @Test
    void perUserFlow_nobodyConnected_failsAndSaysSo() {
        String appId = Api.createTasksAppWithMember();
        String flowId = gmailFlow(appId, ConnectionMode.PER_USER, null);

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertEquals(2, run.get("skippedUsers"));
        assertEquals("Nobody in this app has a working Gmail connection yet; 2 user(s) skipped.", run.get("error"));
        assertEquals("active", Api.flow(appId, flowId).get("status"));
    }

    @Test
    void noSharedConnection_failsAndAsksForOne() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String flowId = slackFlow(appId, NEVER, "support", null);

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertThat((String) run.get("error")).contains("No shared Slack (bot) connection");
        assertEquals("needs_reconnect", Api.flow(appId, flowId).get("status"));
    }

    @Test
    void sharedConnectionDisconnected_pausesTheFlow_reconnectingWakesIt() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String connection = Connect.viaSandbox(appId, "editor", "slack_bot", "shared", "slack_bot.post_message");
        String flowId = slackFlow(appId, NEVER, "support", null);

        Connect.disconnect(appId, "editor", connection);

        Map<String, Object> flow = Api.flow(appId, flowId);
        assertEquals("needs_reconnect", flow.get("status"));
        assertThat((String) flow.get("statusReason")).contains("was disconnected");
        assertThat(flow.get("nextRunAt")).isNull();
        Api.editor().post("/api/apps/" + appId + "/flows/" + flowId + "/run").then().statusCode(409);

        Connect.viaSandbox(appId, "editor", "slack_bot", "shared", "slack_bot.post_message");

        flow = Api.flow(appId, flowId);
        assertEquals("active", flow.get("status"));
        assertThat(flow.get("nextRunAt")).isNotNull();
        awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");
    }

    @Test
    void connectionWithoutTheScopes_keepsTheFlowWaitingForApproval_untilTheyAreGranted() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String flowId = flows.create(new FlowCreation.NewFlow(appId, null, "slack_bot", "slack_bot.post_message", NEVER,
                null, null, Map.of("channel", "support"), ConnectionMode.SHARED, "editor", true));

        Connect.viaSandbox(appId, "editor", "slack_bot", "shared", "slack_bot.create_channel");
        assertEquals("needs_approval", Api.flow(appId, flowId).get("status"));

        Connect.viaSandbox(appId, "editor", "slack_bot", "shared", "slack_bot.post_message");
        assertEquals("active", Api.flow(appId, flowId).get("status"));
    }
}
