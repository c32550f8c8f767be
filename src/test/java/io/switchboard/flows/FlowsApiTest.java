package io.switchboard.flows;

import static io.restassured.RestAssured.given;
import static io.switchboard.testsupport.Api.anonymous;
import static io.switchboard.testsupport.Api.editor;
import static io.switchboard.testsupport.Api.member;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.ProviderApis;
import io.switchboard.testsupport.Connect;

@QuarkusTest
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class FlowsApiTest {
    static final Map<String, Object> TODO_EMAIL = Map.of(
            "connector", "gmail", "action", "gmail.send_email",
            "trigger", Map.of("type", "schedule", "cron", "0 0 8 * * ?"),
            "source", Map.of("entity", "Todo"),
            "inputs", Map.of("to", "{user.email}", "subject", "Your to-do list"),
            "connectionMode", "shared");

    String appId;

    @BeforeEach
    void createApp() {
        appId = Api.createTasksAppWithMember();
    }

    String flows() {
        return "/api/apps/" + appId + "/flows";
    }

    String create() {
        return editor().body(TODO_EMAIL).post(flows()).then().statusCode(201).extract().path("id");
    }

    @Test
    void create_byEditor_isActiveScheduledAndNamedFromActionAndTrigger() {
        editor().body(TODO_EMAIL).post(flows()).then().statusCode(201)
                .body("name", equalTo("Send email with Gmail from Todo records every day at 08:00"))
                .body("status", equalTo("active"))
                .body("trigger.timezone", equalTo("Europe/Paris"))
                .body("source.entity", equalTo("Todo"))
                .body("inputs.to", equalTo("{user.email}"))
                .body("createdBy", equalTo("editor"))
                .body("nextRunAt", notNullValue());
    }

    @Test
    void list_asAppUser_showsTheContractFields() {
        String id = create();

        List<Map<String, Object>> list = member().get(flows()).then().statusCode(200).body("$", hasSize(1)).extract()
                .jsonPath().getList("$");

        Map<String, Object> flow = list.get(0);
        assertEquals(Set.of("id", "name", "connector", "action", "trigger", "status", "connectionMode"), flow.keySet());
        assertEquals(id, flow.get("id"));
        assertEquals("gmail", flow.get("connector"));
        assertEquals("gmail.send_email", flow.get("action"));
        assertEquals(Map.of("type", "schedule", "cron", "0 0 8 * * ?", "timezone", "Europe/Paris"), flow.get("trigger"));
        assertEquals("active", flow.get("status"));
        assertEquals("shared", flow.get("connectionMode"));
        member().get(flows() + "/" + id).then().statusCode(200).body("id", equalTo(id));
        member().get(flows() + "/" + id + "/runs").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void pauseAndResume_byEditor_removeAndRestoreTheSchedule() {
        String id = create();

        editor().post(flows() + "/" + id + "/pause").then().statusCode(200).body("status", equalTo("paused"));
        editor().get(flows() + "/" + id).then().body("status", equalTo("paused")).body("nextRunAt", nullValue());
        editor().post(flows() + "/" + id + "/run").then().statusCode(409).body("error", containsString("paused"));

        editor().post(flows() + "/" + id + "/resume").then().statusCode(200)
                .body("status", equalTo("active"));
        editor().get(flows() + "/" + id).then().body("nextRunAt", notNullValue());
    }

    @Test
    void run_byEditor_isAcceptedAndRecordedBeforeItRuns() {
        Connect.viaSandbox(appId, "editor", "gmail", "shared", "gmail.send_email");
        String id = create();

        String first = editor().post(flows() + "/" + id + "/run").then().statusCode(202).body("runId", notNullValue())
                .extract().path("runId");
        String second = Api.runNow(appId, id);

        List<Map<String, Object>> runs = Api.runs(appId, id);
        assertEquals(List.of(second, first), runs.stream().map(r -> r.get("id")).toList());
        assertEquals(Set.of("id", "status", "attempts", "createdAt", "startedAt", "finishedAt", "nextAttemptAt", "error",
                "resultId", "resultLink", "skippedUsers"), runs.get(0).keySet());
    }

    @Test
    void delete_byEditor_removesTheFlow() {
        String id = create();

        editor().delete(flows() + "/" + id).then().statusCode(204);

        editor().get(flows() + "/" + id).then().statusCode(404).body("error", containsString("No flow"));
        editor().get(flows()).then().body("$", hasSize(0));
    }

    @Test
    void appUser_readsButCannotChangeFlows() {
        String id = create();
        String flow = flows() + "/" + id;

        member().get(flows()).then().statusCode(200).body("$", hasSize(1));
        member().get(flow).then().statusCode(200);
        member().get(flow + "/runs").then().statusCode(200);
        member().body(TODO_EMAIL).post(flows()).then().statusCode(403).body("error", containsString("editors"));
        member().body(Map.of("name", "Mine now")).patch(flow).then().statusCode(403).body("error", containsString("editors"));
        member().post(flow + "/run").then().statusCode(403);
        member().post(flow + "/pause").then().statusCode(403);
        member().post(flow + "/resume").then().statusCode(403);
        member().delete(flow).then().statusCode(403);
        editor().get(flow).then().body("status", equalTo("active")).body("name", equalTo(
                "Send email with Gmail from Todo records every day at 08:00"));
        assertEquals(List.of(), Api.runs(appId, id));
    }

    @Test
    void outsider_isRefusedEverywhere() {
        String editorsOnly = Api.createApp(Api.TASKS_APP);
        String id = editor().body(TODO_EMAIL).post("/api/apps/" + editorsOnly + "/flows").then().statusCode(201)
                .extract().path("id");
        String base = "/api/apps/" + editorsOnly + "/flows";
        String flow = base + "/" + id;

        member().get(base).then().statusCode(403);
        member().get(flow).then().statusCode(403);
        member().get(flow + "/runs").then().statusCode(403);
        member().body(TODO_EMAIL).post(base).then().statusCode(403);
        member().body(Map.of("name", "x")).patch(flow).then().statusCode(403);
        member().post(flow + "/run").then().statusCode(403);
        member().post(flow + "/pause").then().statusCode(403);
        member().post(flow + "/resume").then().statusCode(403);
        member().delete(flow).then().statusCode(403);
        editor().get(flow).then().statusCode(200).body("status", equalTo("active"));
        // a flow is only found through its own app
        String membersApp = Api.as("member").body(Api.TASKS_APP).post("/api/apps").then().statusCode(201).extract()
                .path("id");
        member().delete("/api/apps/" + membersApp + "/flows/" + id).then().statusCode(404);
    }

    @Test
    void edit_byEditor_changesNameTriggerSourceAndInputs() {
        String id = create();

        editor().body(Map.of("name", "Morning digest",
                "trigger", Map.of("type", "schedule", "cron", "0 15 7 ? * MON-FRI", "timezone", "Asia/Tokyo"),
                "source", Map.of("entity", "Todo", "filter", Map.of("done", "false", "createdBy", "{user}")),
                "inputs", Map.of("to", "team@example.com", "subject", "Open todos for {today}")))
                .patch(flows() + "/" + id).then().statusCode(200)
                .body("name", equalTo("Morning digest"))
                .body("trigger.cron", equalTo("0 15 7 ? * MON-FRI"))
                .body("trigger.timezone", equalTo("Asia/Tokyo"))
                .body("source.filter.done", equalTo("false"))
                .body("source.filter.createdBy", equalTo("{user}"))
                .body("inputs.to", equalTo("team@example.com"))
                .body("inputs.subject", equalTo("Open todos for {today}"))
                .body("status", equalTo("active"))
                .body("nextRunAt", notNullValue());
        editor().get(flows() + "/" + id).then().body("name", equalTo("Morning digest"));
    }

    @Test
    void edit_triggerOnly_keepsTheRestAndRenamesAGeneratedName() {
        String id = create();

        editor().body(Map.of("trigger", Map.of("type", "schedule", "cron", "0 0 18 * * ?")))
                .patch(flows() + "/" + id).then().statusCode(200)
                .body("name", equalTo("Send email with Gmail from Todo records every day at 18:00"))
                .body("trigger.timezone", equalTo("Europe/Paris"))
                .body("source.entity", equalTo("Todo"))
                .body("inputs.subject", equalTo("Your to-do list"));
    }

    @Test
    void edit_badInput_saysWhatToChange_andChangesNothing() {
        String id = create();
        String flow = flows() + "/" + id;
        Map<String, Object> before = Api.flow(appId, id);

        editor().body(Map.of("name", "Renamed", "trigger", Map.of("type", "schedule", "cron", "every morning")))
                .patch(flow).then().statusCode(400).body("error", containsString("Quartz cron"));
        editor().body(Map.of("trigger", Map.of("type", "schedule", "cron", "0 0 8 * * ?", "timezone", "Mars/Olympus")))
                .patch(flow).then().statusCode(400).body("error", containsString("Unknown time zone"));
        editor().body(Map.of("trigger", Map.of("type", "entity_event", "entity", "Invoice", "event", "created")))
                .patch(flow).then().statusCode(400).body("error", containsString("no entity 'Invoice'"));
        editor().body(Map.of("trigger", Map.of("type", "entity_event", "entity", "Todo", "event", "edited")))
                .patch(flow).then().statusCode(400).body("error", containsString("created, updated or deleted"));
        editor().body(Map.of("source", Map.of("entity", "Todo", "filter", Map.of("colour", "red"))))
                .patch(flow).then().statusCode(400).body("error", containsString("'colour'"));
        editor().body(Map.of("inputs", Map.of("cc", "x@example.com"))).patch(flow).then().statusCode(400)
                .body("error", containsString("'cc'"));
        editor().body(Map.of("name", "  ")).patch(flow).then().statusCode(400).body("error", containsString("name"));
        editor().body(Map.of()).patch(flow).then().statusCode(400).body("error", containsString("Send what to change"));
        editor().body("{not json").patch(flow).then().statusCode(400);
        editor().body(Map.of("name", "x")).patch(flows() + "/nope").then().statusCode(404);

        assertEquals(before, Api.flow(appId, id));
    }

    @Test
    void anonymous_isUnauthorized() {
        String id = create();

        anonymous().get(flows()).then().statusCode(401);
        anonymous().get(flows() + "/" + id + "/runs").then().statusCode(401);
        anonymous().post(flows() + "/" + id + "/run").then().statusCode(401);
    }

    @Test
    void create_badInput_saysWhatToChange() {
        Map<String, Object> badCron = new java.util.HashMap<>(TODO_EMAIL);
        badCron.put("trigger", Map.of("type", "schedule", "cron", "every morning"));
        editor().body(badCron).post(flows()).then().statusCode(400).body("error", containsString("Quartz cron"));

        Map<String, Object> wrongAction = new java.util.HashMap<>(TODO_EMAIL);
        wrongAction.put("action", "slack_bot.post_message");
        editor().body(wrongAction).post(flows()).then().statusCode(400).body("error", containsString("has no action"));

        Map<String, Object> unknownInput = new java.util.HashMap<>(TODO_EMAIL);
        unknownInput.put("inputs", Map.of("cc", "x@example.com"));
        editor().body(unknownInput).post(flows()).then().statusCode(400).body("error", containsString("'cc'"));

        editor().get(flows()).then().body("$", hasSize(0));
    }

    @Test
    void unknownFlow_isNotFound() {
        editor().get(flows() + "/nope").then().statusCode(404);
        editor().post(flows() + "/nope/run").then().statusCode(404);
    }
}
