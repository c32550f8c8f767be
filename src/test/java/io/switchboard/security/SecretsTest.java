package io.switchboard.security;

import static io.restassured.RestAssured.given;
import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.connections.vault.TokenVault;
import io.switchboard.testsupport.SandboxConsent;
import io.switchboard.testsupport.Api;

/**
 * Tokens never reach a log line, an API answer or a page along the whole path: chat, consent, a run, a run whose
 * access token the provider rejected (refresh), a run whose refresh is refused too (failed call). Client secrets come
 * only from the environment.
 */
@QuarkusTest
class SecretsTest {
    @Inject
    DataSource db;
    @Inject
    TokenVault vault;

    final List<String> logged = new CopyOnWriteArrayList<>();
    final List<String> tokens = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    String appId;

    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLoggerName() + " " + record.getMessage() + " " + Arrays.toString(record.getParameters())
                    + " " + (record.getThrown() == null ? "" : record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Test
    void wholePath_withRefreshAndAFailedCall_leaksNoTokenToLogsAnswersOrPages() throws Exception {
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("io.switchboard");
        Level before = ours.getLevel();
        ours.setLevel(Level.FINEST);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            appId = Api.createTasksAppWithMember();
            Api.addRecord("editor", appId, "Todo", Map.of("title", "Water the plants"));
            String cid = read(editor().post("/api/apps/" + appId + "/conversations")).getString("id");
            read(editor().body(Map.of("text", "Send me a daily email with my to-do list using Gmail."))
                    .post("/api/apps/" + appId + "/conversations/" + cid + "/messages"));
            JsonPath auth = read(editor().body(Map.of("choice", "shared"))
                    .post("/api/apps/" + appId + "/conversations/" + cid + "/messages"));
            SandboxConsent.consent(auth.getString("messages[1].card.authorizeUrl"), "editor", "approve").then().statusCode(303);
            String flowId = read(editor().get("/api/apps/" + appId + "/conversations/" + cid))
                    .getString("messages[-1].card.flowId");
            String[] first = storedTokens();

            run(flowId, "succeeded");

            // the provider no longer takes the access token: the runner refreshes and the run still succeeds
            revoke(first[0]);
            run(flowId, "succeeded");
            String[] refreshed = storedTokens();
            assertThat(refreshed[0]).as("a new access token after the refresh").isNotEqualTo(first[0]);

            // now the refresh token is refused too: the call fails and the connection asks to be reconnected
            revoke(refreshed[0]);
            revoke(refreshed[1]);
            run(flowId, "failed");
            storedTokens();
            assertThat(read(editor().get("/api/apps/" + appId + "/connections")).getString("[0].status"))
                    .isEqualTo("needs_reauth");

            String connectionId = read(editor().get("/api/apps/" + appId + "/connections")).getString("[0].id");
            read(editor().get("/api/apps/" + appId + "/connections/" + connectionId + "/access"));
            read(editor().get("/api/apps/" + appId + "/flows"));
            read(editor().get("/api/apps/" + appId + "/flows/" + flowId));
            read(editor().get("/api/apps/" + appId + "/flows/" + flowId + "/runs"));
            read(editor().get("/sandbox/outbox"));
            String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "editor").formParam("j_password", "editor").post("/j_security_check")
                    .getCookie("quarkus-credential");
            for (String page : List.of("/", "/apps/" + appId + "/integrations", "/apps/" + appId + "/flows",
                    "/apps/" + appId + "/chat?conversation=" + cid)) {
                answers.add(given().cookie("quarkus-credential", session).get(page).then().statusCode(200).extract()
                        .asString());
            }
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(6).allMatch(t -> t.startsWith("sbx."));
        assertThat(logged).isNotEmpty();
        for (String token : tokens) {
            assertThat(logged).noneMatch(line -> line.contains(token));
            assertThat(answers).noneMatch(answer -> answer.contains(token));
        }
        assertThat(logged).noneMatch(line -> line.contains("sbx."));
        assertThat(answers).noneMatch(answer -> answer.contains("sbx."));
    }

    @Test
    void clientSecrets_comeOnlyFromTheEnvironment() {
        for (ConfigSource source : ConfigProvider.getConfig().getConfigSources()) {
            if (source.getName().contains("Env") || source.getName().contains("System")) {
                continue;
            }
            assertThat(source.getPropertyNames()).as(source.getName())
                    .noneMatch(name -> name.matches("(%\\w+\\.)?switchboard\\.connectors\\..+\\.client-secret")
                            || name.matches("(%\\w+\\.)?quarkus\\.oidc(-client)?\\..*secret.*")
                            && !String.valueOf(source.getValue(name)).startsWith("${"));
        }
    }

    JsonPath read(io.restassured.response.Response response) {
        answers.add(response.asString());
        assertThat(response.statusCode()).as(response.asString()).isLessThan(400);
        return response.jsonPath();
    }

    /** The connection's access and refresh tokens as stored (sealed), opened with the vault. */
    String[] storedTokens() throws Exception {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(
                        "select access_token, refresh_token from connections where app_id = ?")) {
            statement.setString(1, appId);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                String[] opened = { vault.decrypt(rows.getString(1)), vault.decrypt(rows.getString(2)) };
                assertThat(rows.getString(1)).doesNotContain(opened[0]);
                tokens.addAll(List.of(opened));
                return opened;
            }
        }
    }

    static void revoke(String token) {
        given().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .post("/sandbox/oauth/gmail/revoke").then().statusCode(200);
    }

    void run(String flowId, String status) {
        String runId = Api.runNow(appId, flowId);
        answers.add(Api.awaitRun(appId, flowId, runId, status).toString());
    }
}
