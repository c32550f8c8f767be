package io.switchboard.connections;

import static io.restassured.RestAssured.given;
import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.MockOAuthServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.connections.vault.TokenVault;

/**
 * Code exchange, refresh, single-flight, state rules and invalid_grant through the OIDC client against a real OAuth
 * server.
 */
@QuarkusTest
@Tag("own-jvm")
@TestProfile(TokenLifecycleTest.ConfiguredDrive.class)
@QuarkusTestResource(value = MockOAuthServer.class, restrictToAnnotatedClass = true)
class TokenLifecycleTest {
    public static class ConfiguredDrive implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }
    }

    @Inject
    ConnectionService connections;
    @Inject
    Changes changes;
    @Inject
    TokenVault vault;
    @Inject
    MovableClock clock;

    @AfterEach
    void time() {
        clock.reset();
    }

    @ApplicationScoped
    static class Changes {
        final List<ConnectionChanged> seen = new CopyOnWriteArrayList<>();

        void on(@Observes ConnectionChanged change) {
            seen.add(change);
        }

        List<ConnectionChanged> seen() {
            return List.copyOf(seen);
        }
    }

    String connect() {
        return connect("google_drive", "google_drive.upload_file");
    }

    String connect(String connector, String action) {
        String appId = Api.createApp(Api.TASKS_APP);
        URI back = consent(appId, connector, action);
        callback(back, "editor").then().statusCode(303);
        return editor().get("/api/apps/" + appId + "/connections").then().statusCode(200).extract().path("[0].id");
    }

    /** The provider's sign-in page: the person signs in as ada and consents; returns the redirect to our callback. */
    URI consent(String appId, String connector, String action) {
        String authorizeUrl = editor().body(Map.of("connector", connector, "mode", "shared", "action", action))
                .post("/api/apps/" + appId + "/connections").then().statusCode(200).extract().path("authorizeUrl");
        assertThat(authorizeUrl).startsWith(MockOAuthServer.server().authorizationEndpointUrl(MockOAuthServer.ISSUER)
                .toString()).contains("access_type=offline").contains("include_granted_scopes=true")
                .contains("code_challenge=");
        String callback = given().urlEncodingEnabled(false).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", "ada").formParam("claims", "{\"email\":\"ada@example.com\"}")
                .post(authorizeUrl).then().statusCode(302).extract().header("Location");
        return URI.create(callback);
    }

    static io.restassured.response.Response callback(URI back, String user) {
        return given().urlEncodingEnabled(false).auth().preemptive().basic(user, user).redirects().follow(false)
                .get(back.getRawPath() + "?" + back.getRawQuery());
    }

    int tokenRequests() throws InterruptedException {
        int count = 0;
        try {
            while (MockOAuthServer.server().takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS) != null) {
                count++;
            }
        } catch (RuntimeException noMoreRequests) {
            // the queue is empty
        }
        return count;
    }

    @Test
    void exchange_thenFiftyConcurrentRejections_refreshExactlyOnce() throws Exception {
        String id = connect();
        AccessGrant first = connections.grant(id);
        assertThat(first.accessToken()).isNotBlank();
        tokenRequests();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<AccessGrant>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> connections.refreshAfterRejection(id, first));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<AccessGrant> f : pool.invokeAll(calls)) {
            tokens.add(f.get().accessToken());
        }
        pool.shutdown();

        assertThat(tokens).doesNotContain(first.accessToken());
        assertThat(tokens.stream().distinct()).hasSize(1);
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(connections.grant(id).accessToken()).isEqualTo(tokens.get(0));
    }

    @Test
    void expiredToken_fiftyConcurrentUsers_refreshExactlyOnce() throws Exception {
        String id = connect();
        AccessGrant first = connections.grant(id);
        QuarkusTransaction.requiringNew().run(() -> {
            Connection c = Connection.findById(id);
            c.expiresAt = clock.instant().minusSeconds(5);
        });
        tokenRequests();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<AccessGrant>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> connections.grant(id));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<AccessGrant> f : pool.invokeAll(calls)) {
            tokens.add(f.get().accessToken());
        }
        pool.shutdown();

        assertThat(tokens).hasSize(50).doesNotContain(first.accessToken());
        assertThat(tokens.stream().distinct()).hasSize(1);
        assertThat(tokenRequests()).isEqualTo(1);
        Connection stored = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection> findById(id));
        assertThat(stored.expiresAt).isAfter(clock.instant());
    }

    @Test
    void callback_afterTenMinutes_isRefusedAndAddsNothing() {
        String appId = Api.createApp(Api.TASKS_APP);
        URI back = consent(appId, "gmail", "gmail.send_email");
        clock.advance(java.time.Duration.ofMinutes(11));

        callback(back, "editor").then().statusCode(400).body("error",
                org.hamcrest.Matchers.containsString("expired after 10 minutes"));
        // and once refused it stays refused, even in time
        clock.reset();
        callback(back, "editor").then().statusCode(400).body("error",
                org.hamcrest.Matchers.containsString("already used"));
        editor().get("/api/apps/" + appId + "/connections").then().body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void callback_replayedAfterSuccess_isRefused_andTheConnectionStaysAsItWas() {
        String appId = Api.createApp(Api.TASKS_APP);
        URI back = consent(appId, "gmail", "gmail.send_email");
        callback(back, "editor").then().statusCode(303);
        String before = editor().get("/api/apps/" + appId + "/connections").asString();

        callback(back, "editor").then().statusCode(400).body("error",
                org.hamcrest.Matchers.containsString("already used"));
        assertThat(editor().get("/api/apps/" + appId + "/connections").asString()).isEqualTo(before);
    }

    @Test
    void callback_byAnotherUser_isRefused() {
        String appId = Api.createTasksAppWithMember();
        URI back = consent(appId, "gmail", "gmail.send_email");

        callback(back, "member").then().statusCode(403).body("error",
                org.hamcrest.Matchers.containsString("started by another user"));
        editor().get("/api/apps/" + appId + "/connections").then().body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void invalidGrant_marksNeedsReauth_andSaysSoInWords() {
        String id = connect("gmail", "gmail.send_email");
        AccessGrant grant = connections.grant(id);
        // the provider forgets the refresh token, as Google does after a password change or six idle months
        QuarkusTransaction.requiringNew().run(() -> {
            Connection c = Connection.findById(id);
            c.refreshToken = vault.encrypt("a-refresh-token-the-provider-no-longer-knows");
        });

        assertThatThrownBy(() -> connections.refreshAfterRejection(id, grant))
                .isInstanceOf(ReconnectRequiredException.class)
                .hasMessage("Reconnect Gmail (ada@example.com): Google no longer accepts the saved sign-in");
        assertThat(changes.seen()).anySatisfy(c -> {
            assertThat(c.connectionId()).isEqualTo(id);
            assertThat(c.status()).isEqualTo(ConnectionChanged.Status.NEEDS_REAUTH);
            assertThat(c.reason()).isEqualTo("Reconnect Gmail (ada@example.com): Google no longer accepts the saved sign-in");
        });
        assertThatThrownBy(() -> connections.grant(id)).isInstanceOf(ReconnectRequiredException.class);
    }
}
