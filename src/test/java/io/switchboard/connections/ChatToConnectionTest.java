package io.switchboard.connections;

import static io.restassured.RestAssured.given;
import static io.switchboard.testsupport.Api.editor;
import static io.switchboard.testsupport.Api.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.SandboxConsent;

/** The whole path a person walks: request, shared or per user, consent in the sandbox provider, back to the chat. */
@QuarkusTest
class ChatToConnectionTest {
    String appId;

    @Inject
    DataSource db;
    @Inject
    ConnectionService connections;

    @BeforeEach
    void app() {
        appId = Api.createTasksAppWithMember();
    }

    String conversation(io.restassured.specification.RequestSpecification as) {
        return as.post("/api/apps/" + appId + "/conversations").then().statusCode(201).extract().path("id");
    }

    JsonPath say(io.restassured.specification.RequestSpecification as, String cid, Map<String, String> body) {
        return as.body(body).post("/api/apps/" + appId + "/conversations/" + cid + "/messages").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The editor asks for the daily Gmail email and connects the shared account in the sandbox. */
    void connectSharedGmail() {
        String cid = conversation(editor());
        say(editor(), cid, Map.of("text", "Send me a daily email with my to-do list using Gmail."));
        JsonPath auth = say(editor(), cid, Map.of("choice", "shared"));
        SandboxConsent.consent(auth.getString("messages[1].card.authorizeUrl"), "editor", "approve").then()
                .statusCode(303);
    }

    @Test
    void sharedGmail_consentApproved_connectsAndWritesTheFlow() throws Exception {
        String cid = conversation(editor());
        JsonPath first = say(editor(), cid, Map.of("text", "Send me a daily email with my to-do list using Gmail."));
        assertThat(first.getString("messages[1].card.type")).isEqualTo("connection_mode");
        assertThat(first.getList("messages[1].card.options")).containsExactly("shared", "per_user");

        JsonPath auth = say(editor(), cid, Map.of("choice", "shared"));
        Map<String, Object> card = auth.getMap("messages[1].card");
        assertThat(card).containsEntry("type", "authorization").containsEntry("connector", "gmail")
                .containsEntry("mode", "shared");
        assertThat(auth.getList("messages[1].card.permissions.scope"))
                .contains("https://www.googleapis.com/auth/gmail.send").doesNotContain("https://mail.google.com/");
        String authorizeUrl = (String) card.get("authorizeUrl");
        assertThat(authorizeUrl).contains("/sandbox/oauth/gmail/authorize").contains("code_challenge_method=S256")
                .contains("access_type=offline").contains("state=");

        URI redirect = SandboxConsent.answer(authorizeUrl, "editor", "approve");
        assertThat(redirect.getPath()).isEqualTo("/oauth/callback");
        Response back = SandboxConsent.callback(redirect, "editor");
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.getHeader("Location")).endsWith("/apps/" + appId + "/chat?conversation=" + cid);

        editor().get("/api/apps/" + appId + "/connections").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].connector", equalTo("gmail"))
                .body("[0].mode", equalTo("shared"))
                .body("[0].status", equalTo("active"))
                .body("[0].account", equalTo("editor@example.com"))
                .body("[0].scopes", hasItem("https://www.googleapis.com/auth/gmail.send"))
                .body(org.hamcrest.Matchers.not(containsString("sbx.")));
        editor().get("/api/apps/" + appId + "/conversations/" + cid).then()
                .body("messages[-1].card.type", equalTo("flow_created"));

        try (var connection = db.getConnection();
                var rows = connection.createStatement().executeQuery("select access_token, refresh_token from connections where status = 'ACTIVE'")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).startsWith("v1:").doesNotContain("sbx.");
                assertThat(rows.getString(2)).startsWith("v1:").doesNotContain("sbx.");
            }
        }

        // the same answer again is refused: state is single use
        SandboxConsent.callback(redirect, "editor").then().statusCode(400).body("error", containsString("already used"));
    }

    @Test
    void flowFromChat_runsAgainstTheSandbox_andNoTokenReachesTheLogs() throws Exception {
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Logger ours = java.util.logging.Logger.getLogger("io.switchboard");
        java.util.logging.Level before = ours.getLevel();
        ours.setLevel(java.util.logging.Level.FINEST);
        capture.setLevel(java.util.logging.Level.ALL);
        root.addHandler(capture);
        try {
            editor().body(Map.of("title", "Water the plants", "due", "2026-12-01", "done", false))
                    .post("/api/apps/" + appId + "/entities/Todo/records").then().statusCode(201);
            String cid = conversation(editor());
            say(editor(), cid, Map.of("text", "Send me a daily email with my to-do list using Gmail."));
            JsonPath auth = say(editor(), cid, Map.of("choice", "shared"));
            SandboxConsent.consent(auth.getString("messages[1].card.authorizeUrl"), "editor", "approve");
            String flowId = editor().get("/api/apps/" + appId + "/conversations/" + cid).then().extract()
                    .path("messages[-1].card.flowId");

            editor().post("/api/apps/" + appId + "/flows/" + flowId + "/run").then().statusCode(202);
            String status = null;
            for (int i = 0; i < 100 && !"succeeded".equals(status) && !"failed".equals(status); i++) {
                Thread.sleep(100);
                status = editor().get("/api/apps/" + appId + "/flows/" + flowId + "/runs").then().extract()
                        .path("[0].status");
            }
            assertThat(status).as(editor().get("/api/apps/" + appId + "/flows/" + flowId + "/runs").asString())
                    .isEqualTo("succeeded");
            List<Map<String, Object>> outbox = editor().get("/sandbox/outbox").then().extract().jsonPath().getList("$");
            assertThat(outbox).anySatisfy(sent -> {
                assertThat(sent).containsEntry("connector", "gmail").containsEntry("path", "/gmail/v1/users/me/messages/send");
                String raw = new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) sent.get("body"))
                        .path("raw").asText();
                assertThat(new String(java.util.Base64.getUrlDecoder().decode(raw), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("Water the plants").contains("To: editor@example.com");
            });
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
        assertThat(logged).isNotEmpty().noneSatisfy(line -> assertThat(line).contains("sbx."));
    }

    @Test
    void consentSkipped_addsNothingAndSaysSo() {
        String cid = conversation(member());
        JsonPath first = say(member(), cid, Map.of("text", "Send me a daily email with my to-do list using Gmail."));
        assertThat(first.getList("messages[1].card.options")).containsExactly("per_user");
        JsonPath auth = say(member(), cid, Map.of("choice", "per_user"));
        URI redirect = SandboxConsent.answer(auth.getString("messages[1].card.authorizeUrl"), "member", "skip");
        assertThat(redirect.getQuery()).contains("error=access_denied");
        SandboxConsent.callback(redirect, "member").then().statusCode(303);

        member().get("/api/apps/" + appId + "/connections").then().body("$", hasSize(0));
        member().get("/api/apps/" + appId + "/conversations/" + cid).then()
                .body("messages[-1].text", containsString("skipped"));
    }

    @Test
    void appBelowBuilder_chatAndApiBothNameTheBuilderPlan() {
        for (String plan : List.of("free", "starter")) {
            Map<String, Object> app = new java.util.HashMap<>(Api.TASKS_APP);
            app.put("plan", plan);
            String small = Api.createApp(app);
            String sentence = "Connectors need the Builder plan or higher; this app is on the "
                    + plan.substring(0, 1).toUpperCase() + plan.substring(1) + " plan. Upgrade it to Builder to connect Gmail.";
            String cid = editor().post("/api/apps/" + small + "/conversations").then().statusCode(201).extract().path("id");
            JsonPath reply = editor().body(Map.of("text", "Send me a daily email with my to-do list using Gmail."))
                    .post("/api/apps/" + small + "/conversations/" + cid + "/messages").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(reply.getString("messages[1].text")).isEqualTo(sentence);
            assertThat(reply.getString("messages[1].card")).isNull();

            editor().body(Map.of("connector", "gmail", "mode", "shared", "action", "gmail.send_email"))
                    .post("/api/apps/" + small + "/connections").then().statusCode(403).body("error", equalTo(sentence));
            editor().get("/api/apps/" + small + "/connections").then().body("$", hasSize(0));
        }
    }

    @Test
    void flowNeedingOneMoreGoogleScope_asksOnlyForIt_keepsTheConnection_andStartsTheFlow() {
        connectSharedGmail();
        String connectionId = editor().get("/api/apps/" + appId + "/connections").then().extract().path("[0].id");

        String second = conversation(editor());
        JsonPath draft = say(editor(), second, Map.of("text", "Draft an email in Gmail for each new todo."));
        assertThat(draft.getString("messages[1].card.type")).isEqualTo("reapproval");
        assertThat(draft.getString("messages[1].card.connectionId")).isEqualTo(connectionId);
        String reapproval = draft.getString("messages[1].card.authorizeUrl");
        String flowId = editor().get("/api/apps/" + appId + "/flows").then().extract().jsonPath()
                .getList("findAll { it.action == 'gmail.create_draft' }.id", String.class).get(0);
        assertThat(Api.flow(appId, flowId)).containsEntry("status", "needs_approval");
        // Google merges the new scope into the grant: only the missing one is asked for
        assertThat(ProviderQuirksTest.query(reapproval)).containsEntry("scope", "https://www.googleapis.com/auth/gmail.compose")
                .containsEntry("include_granted_scopes", "true");

        Response back = SandboxConsent.consent(reapproval, "editor", "approve");
        assertThat(back.getHeader("Location")).endsWith("/apps/" + appId + "/chat?conversation=" + second);

        editor().get("/api/apps/" + appId + "/connections").then().body("$", hasSize(1))
                .body("[0].id", equalTo(connectionId))
                .body("[0].scopes", hasItem("https://www.googleapis.com/auth/gmail.send"))
                .body("[0].scopes", hasItem("https://www.googleapis.com/auth/gmail.compose"));
        assertThat(Api.flow(appId, flowId)).containsEntry("status", "active");
        editor().get("/api/apps/" + appId + "/conversations/" + second).then()
                .body("messages[-1].text", containsString("now has the access it needs"))
                .body("messages[-1].card.type", equalTo("flow_created"));
    }

    @Test
    void providerWithoutIncrementalConsent_isAskedForTheUnionOnTheSameConnection() {
        String url = editor().body(Map.of("connector", "slack_bot", "mode", "shared", "action", "slack_bot.post_message"))
                .post("/api/apps/" + appId + "/connections").then().statusCode(200).extract().path("authorizeUrl");
        SandboxConsent.consent(url, "editor", "approve").then().statusCode(303);
        String connectionId = editor().get("/api/apps/" + appId + "/connections").then().extract().path("[0].id");

        String more = connections.authorizeUrl(appId, "editor", null, "slack_bot", ConnectionMode.SHARED,
                List.of("channels:manage"), connectionId);

        assertThat(URI.create(more).getQuery()).contains("scope=channels:manage,chat:write");
        SandboxConsent.consent(more, "editor", "approve").then().statusCode(303);
        editor().get("/api/apps/" + appId + "/connections").then().body("$", hasSize(1))
                .body("[0].id", equalTo(connectionId))
                .body("[0].scopes", org.hamcrest.Matchers.containsInAnyOrder("chat:write", "channels:manage"));
    }

    @Test
    void appUser_cannotChooseShared() {
        String cid = conversation(member());
        say(member(), cid, Map.of("text", "Send me a daily email with my to-do list using Gmail."));
        member().body(Map.of("choice", "shared")).post("/api/apps/" + appId + "/conversations/" + cid + "/messages")
                .then().statusCode(403).body("error", containsString("editors"));
    }

    @Test
    void stateStartedByOneUser_cannotBeFinishedByAnother() {
        String cid = conversation(editor());
        say(editor(), cid, Map.of("text", "Send me a daily email with my to-do list using Gmail."));
        JsonPath auth = say(editor(), cid, Map.of("choice", "shared"));
        URI redirect = SandboxConsent.answer(auth.getString("messages[1].card.authorizeUrl"), "editor", "approve");
        SandboxConsent.callback(redirect, "member").then().statusCode(403).body("error", containsString("another user"));
        editor().get("/api/apps/" + appId + "/connections").then().body("$", hasSize(0));
    }

    @Test
    void forgedState_isRejected() {
        given().auth().preemptive().basic("editor", "editor").redirects().follow(false)
                .get("/oauth/callback?code=x&state=forged").then().statusCode(400);
    }

    @Test
    void connectedTool_goesStraightToTheFlow_andDisconnectRevokes() {
        connectSharedGmail();

        String second = conversation(editor());
        JsonPath direct = say(editor(), second, Map.of("text", "Every Monday at 9am, email me my open todos with Gmail."));
        assertThat(direct.getString("messages[1].card.type")).isEqualTo("flow_created");

        JsonPath draft = say(editor(), second, Map.of("text", "Draft an email in Gmail for each new todo."));
        assertThat(draft.getString("messages[1].card.type")).isEqualTo("reapproval");
        assertThat(draft.getList("messages[1].card.newScopes"))
                .containsExactly("https://www.googleapis.com/auth/gmail.compose");

        String connectionId = editor().get("/api/apps/" + appId + "/connections").then().extract().path("[0].id");
        editor().get("/api/apps/" + appId + "/connections/" + connectionId + "/access").then().statusCode(200)
                .body("scopes.scope", hasItem("https://www.googleapis.com/auth/gmail.send"));
        member().delete("/api/apps/" + appId + "/connections/" + connectionId).then().statusCode(403);
        editor().delete("/api/apps/" + appId + "/connections/" + connectionId).then().statusCode(204);
        editor().get("/api/apps/" + appId + "/connections").then().body("[0].status", equalTo("revoked"));
        List<Map<String, Object>> outbox = editor().get("/sandbox/outbox").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(outbox).isNotNull();
    }
}
