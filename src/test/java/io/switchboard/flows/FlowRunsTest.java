package io.switchboard.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.switchboard.testsupport.Api.addRecord;
import static io.switchboard.testsupport.Api.awaitRun;
import static io.switchboard.testsupport.Api.runNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.agent.Trigger;
import io.switchboard.connections.ConnectionChanged;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.Await;
import io.switchboard.testsupport.InjectProviderApis;
import io.switchboard.testsupport.ProviderApis;
import io.switchboard.testsupport.TestConnections;

/** Runs end to end: trigger, queue, runner, provider stub, run history. */
@QuarkusTest
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class FlowRunsTest {
    static final String SLACK = "/api/chat.postMessage";
    static final String GMAIL = "/gmail/v1/users/me/messages/send";
    static final String SLACK_OK = "{\"ok\":true,\"channel\":\"C024BE91L\",\"ts\":\"1503435956.000247\"}";
    static final Trigger NEVER = Trigger.schedule("0 0 8 1 1 ? 2099", "Europe/Paris");

    @InjectProviderApis
    WireMockServer providers;
    @Inject
    FlowCreation flows;
    @Inject
    TestConnections connections;
    @Inject
    Event<ConnectionChanged> connectionChanges;

    @BeforeEach
    void reset() {
        providers.resetAll();
        connections.clear();
    }

    String slackFlow(String appId, Trigger trigger, Map<String, String> filter) {
        return flows.create(new FlowCreation.NewFlow(appId, null, "slack_bot", "slack_bot.post_message", trigger,
                null, filter, Map.of("channel", "support"), ConnectionMode.SHARED, "editor", false));
    }

    @Test
    void todoEmail_manualRun_listsEachOpenTodoWithItsDueDate() throws Exception {
        String appId = Api.createTasksAppWithMember();
        addRecord("editor", appId, "Todo", Map.of("title", "Buy milk", "due", "2026-12-01", "done", false));
        addRecord("member", appId, "Todo", Map.of("title", "File taxes"));
        addRecord("editor", appId, "Todo", Map.of("title", "Old chore", "due", "2026-01-01", "done", true));
        connections.addShared(appId, "gmail", "ya29.shared");
        String flowId = flows.create(new FlowCreation.NewFlow(appId, null, "gmail", "gmail.send_email", NEVER, "Todo",
                null, Map.of("to", "{user.email}", "subject", "Your to-do list"), ConnectionMode.SHARED, "editor", false));
        providers.stubFor(post(GMAIL).willReturn(okJson("{\"id\":\"18f2c3a1b2d4e5f6\",\"labelIds\":[\"SENT\"]}")));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, run.get("attempts"));
        assertEquals("18f2c3a1b2d4e5f6", run.get("resultId"));
        assertThat(run.get("startedAt")).isNotNull();
        assertThat(run.get("finishedAt")).isNotNull();
        providers.verify(1, postRequestedFor(urlPathEqualTo(GMAIL)).withHeader("Authorization", equalTo("Bearer ya29.shared")));
        assertEquals("To: editor@example.com\r\nSubject: Your to-do list\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Your open Todo items (2):\r\n- Buy milk (due 2026-12-01)\r\n- File taxes\r\n", sentEmail());
    }

    @Test
    void ticketCreated_postsSlackMessageNamingTheTicket() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "slack_bot", "xoxb-bot");
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "created"), null);
        providers.stubFor(post(SLACK).willReturn(okJson(SLACK_OK)));

        addRecord("editor", appId, "Ticket", Map.of("subject", "Printer <3rd floor> on fire & smoking", "priority", "high",
                "status", "open"));

        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "the event run to succeed: " + Api.runs(appId, flowId));
        providers.verify(1, postRequestedFor(urlPathEqualTo(SLACK))
                .withHeader("Authorization", equalTo("Bearer xoxb-bot"))
                .withRequestBody(equalToJson("{\"channel\":\"support\","
                        + "\"text\":\"New Ticket: Printer <3rd floor> on fire & smoking · priority high · status open\"}")));
    }

    @Test
    void ticketCreated_filterOnPriority_onlyMatchingRecordsRun() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "slack_bot", "xoxb-bot");
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "created"), Map.of("priority", "urgent"));
        providers.stubFor(post(SLACK).willReturn(okJson(SLACK_OK)));

        addRecord("editor", appId, "Ticket", Map.of("subject", "Typo on page", "priority", "low"));
        addRecord("editor", appId, "Ticket", Map.of("subject", "Site down", "priority", "URGENT"));

        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "the urgent ticket's run");
        assertEquals(1, Api.runs(appId, flowId).size());
        providers.verify(1, postRequestedFor(urlPathEqualTo(SLACK)));
    }

    @Test
    void sheetsRow_mapsFieldsToColumnsInEntityOrder() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "google_sheets", "ya29.sheets");
        String flowId = flows.create(new FlowCreation.NewFlow(appId, null, "google_sheets", "google_sheets.append_row",
                Trigger.entityEvent("Ticket", "created"), null, null,
                Map.of("spreadsheetId", "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms", "range", "Tickets!A:D"),
                ConnectionMode.SHARED, "editor", false));
        String path = "/v4/spreadsheets/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/values/Tickets!A:D:append";
        providers.stubFor(post(urlPathEqualTo(path)).willReturn(okJson("{\"updates\":{\"updatedRange\":\"Tickets!A2:D2\"}}")));

        addRecord("editor", appId, "Ticket", Map.of("status", "open", "opened", "2026-11-20", "subject", "VPN broken"));

        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "the sheets run");
        providers.verify(postRequestedFor(urlPathEqualTo(path))
                .withRequestBody(equalToJson("{\"values\":[[\"VPN broken\",\"\",\"open\",\"2026-11-20\"]]}")));
    }

    @Test
    void perUserFlow_actsOncePerConnectedUserOnTheirOwnRecords() throws Exception {
        String appId = Api.createTasksAppWithMember();
        addRecord("editor", appId, "Todo", Map.of("title", "Editor's task"));
        addRecord("member", appId, "Todo", Map.of("title", "Member's task", "due", "2026-12-03"));
        connections.add(appId, "gmail", ConnectionMode.PER_USER, "member", "ya29.member", Map.of(), List.of());
        String flowId = flows.create(new FlowCreation.NewFlow(appId, null, "gmail", "gmail.send_email", NEVER, "Todo",
                null, Map.of("to", "{user.email}"), ConnectionMode.PER_USER, "editor", false));
        providers.stubFor(post(GMAIL).willReturn(okJson("{\"id\":\"m1\"}")));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, run.get("skippedUsers"));
        providers.verify(1, postRequestedFor(urlPathEqualTo(GMAIL)).withHeader("Authorization", equalTo("Bearer ya29.member")));
        assertThat(sentEmail()).startsWith("To: member@example.com\r\n")
                .endsWith("Your open Todo items (1):\r\n- Member's task (due 2026-12-03)\r\n");
    }

    @Test
    void serverError_isRetriedWithBackoffUntilItWorks() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "slack_bot", "xoxb-bot");
        String flowId = slackFlow(appId, NEVER, null);
        providers.stubFor(post(SLACK).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream connect error")).willSetStateTo("ok"));
        providers.stubFor(post(SLACK).inScenario("flaky").whenScenarioStateIs("ok").willReturn(okJson(SLACK_OK)));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(2, run.get("attempts"));
        assertEquals(null, run.get("error"));
        providers.verify(2, postRequestedFor(urlPathEqualTo(SLACK)));
    }

    @Test
    void serverErrorEveryTime_givesUpAfterFourAttemptsWithTheProvidersWords() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "slack_bot", "xoxb-bot");
        String flowId = slackFlow(appId, NEVER, null);
        providers.stubFor(post(SLACK).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"fatal_error\"}")));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertEquals(4, run.get("attempts"));
        assertEquals("Gave up after 4 attempts: Slack (bot) answered HTTP 500: fatal_error", run.get("error"));
        providers.verify(4, postRequestedFor(urlPathEqualTo(SLACK)));
    }

    @Test
    void rateLimited_waitsForRetryAfter() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "slack_bot", "xoxb-bot");
        String flowId = slackFlow(appId, NEVER, null);
        providers.stubFor(post(SLACK).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        providers.stubFor(post(SLACK).inScenario("limited").whenScenarioStateIs("ok").willReturn(okJson(SLACK_OK)));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(2, run.get("attempts"));
        List<LoggedRequest> calls = providers.findAll(postRequestedFor(urlPathEqualTo(SLACK)));
        assertEquals(2, calls.size());
        Duration gap = Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void unauthorized_refreshesOnceAndRetriesWithTheNewToken() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String connection = connections.addShared(appId, "slack_bot", "xoxb-expired");
        connections.refreshGives(connection, "xoxb-fresh");
        String flowId = slackFlow(appId, NEVER, null);
        providers.stubFor(post(SLACK).withHeader("Authorization", equalTo("Bearer xoxb-expired"))
                .willReturn(aResponse().withStatus(401).withBody("{\"ok\":false,\"error\":\"token_expired\"}")));
        providers.stubFor(post(SLACK).withHeader("Authorization", equalTo("Bearer xoxb-fresh")).willReturn(okJson(SLACK_OK)));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, run.get("attempts"));
        assertEquals(1, connections.refreshes(connection));
        providers.verify(2, postRequestedFor(urlPathEqualTo(SLACK)));
    }

    @Test
    void unauthorizedAfterRefresh_pausesTheFlowForReconnect() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String connection = connections.addShared(appId, "slack_bot", "xoxb-revoked");
        String flowId = slackFlow(appId, NEVER, null);
        providers.stubFor(post(SLACK).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"token_revoked\"}")));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertEquals(1, connections.refreshes(connection));
        assertThat((String) run.get("error")).contains("token_revoked");
        assertEquals("needs_reconnect", Api.flow(appId, flowId).get("status"));
    }

    @Test
    void reconnectRequired_failsTheRunAndMarksTheFlow() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String connection = connections.addShared(appId, "slack_bot", "xoxb-bot");
        connections.requireReconnect(connection, "Slack no longer accepts the saved sign-in; reconnect Slack.");
        String flowId = slackFlow(appId, NEVER, null);

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertEquals("Slack no longer accepts the saved sign-in; reconnect Slack.", run.get("error"));
        Map<String, Object> flow = Api.flow(appId, flowId);
        assertEquals("needs_reconnect", flow.get("status"));
        assertEquals("Slack no longer accepts the saved sign-in; reconnect Slack.", flow.get("statusReason"));
        assertThat(flow.get("nextRunAt")).isNull();
        assertThat(providers.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void noSharedConnection_failsAndAsksForOne() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String flowId = slackFlow(appId, NEVER, null);

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertThat((String) run.get("error")).contains("No shared Slack (bot) connection");
        assertEquals("needs_reconnect", Api.flow(appId, flowId).get("status"));
    }

    @Test
    void connectionRevokedThenActive_pausesThenWakesTheFlow() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String connection = connections.add(appId, "slack_bot", ConnectionMode.SHARED, "editor", "xoxb-bot", Map.of(),
                List.of("chat:write"));
        String flowId = slackFlow(appId, NEVER, null);

        connectionChanges.fire(new ConnectionChanged(appId, connection, "slack_bot", ConnectionMode.SHARED, "editor",
                ConnectionChanged.Status.REVOKED, "Slack access was revoked in Slack's settings."));
        Map<String, Object> flow = Api.flow(appId, flowId);
        assertEquals("needs_reconnect", flow.get("status"));
        assertEquals("Slack access was revoked in Slack's settings.", flow.get("statusReason"));
        Api.editor().post("/api/apps/" + appId + "/flows/" + flowId + "/run").then().statusCode(409);

        connectionChanges.fire(new ConnectionChanged(appId, connection, "slack_bot", ConnectionMode.SHARED, "editor",
                ConnectionChanged.Status.ACTIVE, null));
        flow = Api.flow(appId, flowId);
        assertEquals("active", flow.get("status"));
        assertThat(flow.get("nextRunAt")).isNotNull();
    }

    @Test
    void connectionActiveWithoutTheScopes_keepsWaitingForApproval() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String connection = connections.add(appId, "slack_bot", ConnectionMode.SHARED, "editor", "xoxb-bot", Map.of(),
                List.of("channels:read"));
        String flowId = flows.create(new FlowCreation.NewFlow(appId, null, "slack_bot", "slack_bot.post_message", NEVER,
                null, null, Map.of("channel", "support"), ConnectionMode.SHARED, "editor", true));
        assertEquals("needs_approval", Api.flow(appId, flowId).get("status"));

        connectionChanges.fire(new ConnectionChanged(appId, connection, "slack_bot", ConnectionMode.SHARED, "editor",
                ConnectionChanged.Status.ACTIVE, null));

        assertEquals("needs_approval", Api.flow(appId, flowId).get("status"));
    }

    private String sentEmail() throws Exception {
        LoggedRequest request = providers.findAll(postRequestedFor(urlPathEqualTo(GMAIL))).get(0);
        String raw = new ObjectMapper().readTree(request.getBodyAsString()).path("raw").asText();
        return new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
    }
}
