package io.switchboard.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.switchboard.testsupport.Api.addRecord;
import static io.switchboard.testsupport.Api.awaitRun;
import static io.switchboard.testsupport.Api.runNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.agent.Trigger;
import io.switchboard.connections.Connection;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.connections.vault.TokenVault;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.Connect;
import io.switchboard.testsupport.InjectProviderApis;
import io.switchboard.testsupport.MockOAuthServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * How runs meet a provider that fails: Google Drive connected through mock-oauth2-server (a real OAuth server that
 * issues, refreshes and refuses tokens) and its upload API on WireMock answering 5xx, 429, 401.
 */
@QuarkusTest
@Tag("own-jvm")
@TestProfile(FlowFaultsTest.ConfiguredDrive.class)
@QuarkusTestResource(value = MockOAuthServer.class, restrictToAnnotatedClass = true)
class FlowFaultsTest {
    public static class ConfiguredDrive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.actions.timeout", "3S");
        }
    }

    static final String UPLOAD = "/upload/drive/v3/files";
    static final String UPLOADED = "{\"kind\":\"drive#file\",\"id\":\"1AbCdEfGh\",\"name\":\"Todo.csv\","
            + "\"webViewLink\":\"https://drive.google.com/file/d/1AbCdEfGh/view\"}";
    static final Trigger NEVER = Trigger.schedule("0 0 8 1 1 ? 2099", "Europe/Paris");

    @InjectProviderApis
    WireMockServer providers;
    @Inject
    FlowCreation flows;
    @Inject
    TokenVault vault;
    String appId;

    @BeforeEach
    void app() {
        providers.resetAll();
        appId = Api.createTasksAppWithMember();
        addRecord("editor", appId, "Todo", Map.of("title", "Editor's task"));
        addRecord("member", appId, "Todo", Map.of("title", "Member's task"));
    }

    String driveFlow(ConnectionMode mode) {
        return flows.create(new FlowCreation.NewFlow(appId, null, "google_drive", "google_drive.upload_file", NEVER,
                "Todo", null, Map.of(), mode, "editor", false));
    }

    String connectShared() {
        return Connect.viaOAuthServer(MockOAuthServer.server(), appId, "editor", "google_drive", "shared",
                "google_drive.upload_file", "ada@example.com");
    }

    /** Token endpoint calls mock-oauth2-server received since the last look. */
    static List<String> tokenRequests() {
        List<String> bodies = new java.util.ArrayList<>();
        try {
            RecordedRequest request;
            while ((request = MockOAuthServer.server().takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
                if (request.getPath().contains("/token")) {
                    bodies.add(request.getBody().readUtf8());
                }
            }
        } catch (RuntimeException noMoreRequests) {
            // the queue is empty
        }
        return bodies;
    }

    /**
     * The provider forgets the connection's refresh token, as Google does after a password change or six idle months:
     * its next refresh is answered invalid_grant by mock-oauth2-server.
     */
    void providerForgetsTheRefreshToken(String connectionId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Connection c = Connection.findById(connectionId);
            c.refreshToken = vault.encrypt("a-refresh-token-the-provider-no-longer-knows");
        });
    }

    /** The first upload gets {@code first}; every one after it succeeds. */
    void firstThenUploaded(ResponseDefinitionBuilder first) {
        providers.stubFor(post(urlPathEqualTo(UPLOAD)).inScenario("first").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("after"));
        providers.stubFor(post(urlPathEqualTo(UPLOAD)).inScenario("first").whenScenarioStateIs("after")
                .willReturn(okJson(UPLOADED)));
    }

    /** An error as Google APIs write it. */
    static ResponseDefinitionBuilder googleError(int status, String message, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + code + "\"}}");
    }

    List<String> bearers() {
        return providers.findAll(postRequestedFor(urlPathEqualTo(UPLOAD))).stream()
                .map(r -> r.getHeader("Authorization")).toList();
    }

    @Test
    void serverError_isRetriedWithBackoffUntilItWorks() {
        connectShared();
        String flowId = driveFlow(ConnectionMode.SHARED);
        firstThenUploaded(aResponse().withStatus(503).withBody("upstream connect error"));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(2, run.get("attempts"));
        assertEquals(null, run.get("error"));
        assertEquals("1AbCdEfGh", run.get("resultId"));
        assertEquals("https://drive.google.com/file/d/1AbCdEfGh/view", run.get("resultLink"));
        providers.verify(2, postRequestedFor(urlPathEqualTo(UPLOAD)));
    }

    @Test
    void timeout_isRetriedLikeAServerError() {
        connectShared();
        String flowId = driveFlow(ConnectionMode.SHARED);
        firstThenUploaded(okJson(UPLOADED).withFixedDelay(8000));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(2, run.get("attempts"));
        providers.verify(2, postRequestedFor(urlPathEqualTo(UPLOAD)));
    }

    @Test
    void clientError_failsAtOnceWithTheProvidersMessage() {
        connectShared();
        String flowId = driveFlow(ConnectionMode.SHARED);
        providers.stubFor(post(urlPathEqualTo(UPLOAD)).willReturn(googleError(403,
                "The user's Drive storage quota has been exceeded.", "PERMISSION_DENIED")));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertEquals(1, run.get("attempts"));
        assertThat((String) run.get("error")).contains("The user's Drive storage quota has been exceeded.");
        providers.verify(1, postRequestedFor(urlPathEqualTo(UPLOAD)));
        assertEquals("active", Api.flow(appId, flowId).get("status"));
    }

    @Test
    void serverErrorEveryTime_givesUpAfterFourAttemptsWithTheProvidersWords() {
        connectShared();
        String flowId = driveFlow(ConnectionMode.SHARED);
        providers.stubFor(post(urlPathEqualTo(UPLOAD)).willReturn(googleError(500, "Backend Error", "INTERNAL")));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertEquals(4, run.get("attempts"));
        assertEquals("Gave up after 4 attempts: Google Drive answered HTTP 500: Backend Error", run.get("error"));
        providers.verify(4, postRequestedFor(urlPathEqualTo(UPLOAD)));
        assertEquals("active", Api.flow(appId, flowId).get("status"));
    }

    @Test
    void rateLimited_waitsForRetryAfter() {
        connectShared();
        String flowId = driveFlow(ConnectionMode.SHARED);
        firstThenUploaded(aResponse().withStatus(429).withHeader("Retry-After", "1"));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(2, run.get("attempts"));
        List<LoggedRequest> calls = providers.findAll(postRequestedFor(urlPathEqualTo(UPLOAD)));
        assertEquals(2, calls.size());
        Duration gap = Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant());
        // the test profile's backoff is at most 200 ms: a second's wait is Retry-After's
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void unauthorized_refreshesOnceAtTheProviderAndRetriesWithTheNewToken() {
        connectShared();
        String flowId = driveFlow(ConnectionMode.SHARED);
        firstThenUploaded(googleError(401, "Invalid Credentials", "UNAUTHENTICATED"));
        tokenRequests();

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, run.get("attempts"));
        List<String> bearers = bearers();
        assertEquals(2, bearers.size());
        assertThat(bearers.get(1)).startsWith("Bearer ").isNotEqualTo(bearers.get(0));
        assertThat(tokenRequests()).singleElement().asString().contains("grant_type=refresh_token");
    }

    @Test
    void unauthorizedAfterRefresh_failsTheRunAndPausesTheFlowForReconnect() {
        connectShared();
        String flowId = driveFlow(ConnectionMode.SHARED);
        providers.stubFor(post(urlPathEqualTo(UPLOAD)).willReturn(googleError(401, "Invalid Credentials", "UNAUTHENTICATED")));

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        assertThat((String) run.get("error")).contains("Invalid Credentials");
        providers.verify(2, postRequestedFor(urlPathEqualTo(UPLOAD)));
        Map<String, Object> flow = Api.flow(appId, flowId);
        assertEquals("needs_reconnect", flow.get("status"));
        assertThat(flow.get("nextRunAt")).isNull();
    }

    @Test
    void refreshRefused_marksTheConnectionAndPausesTheFlowInWords() {
        String connection = connectShared();
        String flowId = driveFlow(ConnectionMode.SHARED);
        providers.stubFor(post(urlPathEqualTo(UPLOAD)).willReturn(aResponse().withStatus(401)));
        providerForgetsTheRefreshToken(connection);

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "failed");

        String reason = "Reconnect Google Drive (ada@example.com): Google no longer accepts the saved sign-in";
        assertEquals(reason, run.get("error"));
        Map<String, Object> flow = Api.flow(appId, flowId);
        assertEquals("needs_reconnect", flow.get("status"));
        assertEquals(reason, flow.get("statusReason"));
        Api.editor().get("/api/apps/" + appId + "/connections").then().statusCode(200)
                .body("find { it.id == '" + connection + "' }.status", org.hamcrest.Matchers.equalTo("needs_reauth"));
        providers.verify(1, postRequestedFor(urlPathEqualTo(UPLOAD)));
    }

    @Test
    void perUser_oneUsersSignInRefused_skipsAndNamesThem_theOthersStillRun() {
        Connect.viaOAuthServer(MockOAuthServer.server(), appId, "editor", "google_drive", "per_user",
                "google_drive.upload_file", "ada@example.com");
        String members = Connect.viaOAuthServer(MockOAuthServer.server(), appId, "member", "google_drive", "per_user",
                "google_drive.upload_file", "bob@example.com");
        String flowId = driveFlow(ConnectionMode.PER_USER);
        providers.stubFor(post(urlPathEqualTo(UPLOAD)).willReturn(okJson(UPLOADED)));
        providers.stubFor(post(urlPathEqualTo(UPLOAD)).withRequestBody(containing("Member's task"))
                .willReturn(aResponse().withStatus(401)));
        providerForgetsTheRefreshToken(members);

        Map<String, Object> run = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, run.get("skippedUsers"));
        providers.verify(1, postRequestedFor(urlPathEqualTo(UPLOAD)).withRequestBody(containing("Editor's task")));
        Map<String, Object> flow = Api.flow(appId, flowId);
        assertEquals("active", flow.get("status"));
        assertEquals(List.of(Map.of("user", "member", "reason", "needs_reconnect")), flow.get("missingUsers"));

        providers.resetRequests();
        Map<String, Object> next = awaitRun(appId, flowId, runNow(appId, flowId), "succeeded");

        assertEquals(1, next.get("skippedUsers"));
        providers.verify(1, postRequestedFor(urlPathEqualTo(UPLOAD)));
        providers.verify(0, postRequestedFor(urlPathEqualTo(UPLOAD)).withRequestBody(containing("Member's task")));
    }
}
