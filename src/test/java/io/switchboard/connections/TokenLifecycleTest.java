package io.switchboard.connections;

import static io.restassured.RestAssured.given;
import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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

/** Code exchange, refresh, single-flight and invalid_grant through the OIDC client against a real OAuth server. */
@QuarkusTest
@Tag("own-jvm")
@TestProfile(TokenLifecycleTest.ConfiguredDrive.class)
@QuarkusTestResource(value = MockOAuthServer.class, restrictToAnnotatedClass = true)
class TokenLifecycleTest {
    public static class ConfiguredDrive implements QuarkusTestProfile {
    }

    @Inject
    ConnectionService connections;
    @Inject
    Changes changes;
    @Inject
    TokenVault vault;

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
        String appId = Api.createApp(Api.TASKS_APP);
        String authorizeUrl = editor().body(Map.of("connector", "google_drive", "mode", "shared", "action",
                "google_drive.upload_file")).post("/api/apps/" + appId + "/connections").then().statusCode(200)
                .extract().path("authorizeUrl");
        assertThat(authorizeUrl).startsWith(MockOAuthServer.server().authorizationEndpointUrl(MockOAuthServer.ISSUER)
                .toString()).contains("access_type=offline").contains("include_granted_scopes=true")
                .contains("code_challenge=");
        // the provider's sign-in page: the person signs in as ada and consents
        String callback = given().urlEncodingEnabled(false).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", "ada").formParam("claims", "{\"email\":\"ada@example.com\"}")
                .post(authorizeUrl).then().statusCode(302).extract().header("Location");
        URI back = URI.create(callback);
        given().urlEncodingEnabled(false).auth().preemptive().basic("editor", "editor").redirects().follow(false)
                .get(back.getRawPath() + "?" + back.getRawQuery()).then().statusCode(303);
        return editor().get("/api/apps/" + appId + "/connections").then().statusCode(200).extract().path("[0].id");
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
    void invalidGrant_marksNeedsReauth_andSaysSoInWords() {
        String id = connect();
        AccessGrant grant = connections.grant(id);
        // the provider forgets the refresh token, as Google does after a password change or six idle months
        QuarkusTransaction.requiringNew().run(() -> {
            Connection c = Connection.findById(id);
            c.refreshToken = vault.encrypt("a-refresh-token-the-provider-no-longer-knows");
        });

        assertThatThrownBy(() -> connections.refreshAfterRejection(id, grant))
                .isInstanceOf(ReconnectRequiredException.class)
                .hasMessageContaining("Reconnect Google Drive").hasMessageContaining("no longer accepts the saved sign-in");
        assertThat(changes.seen()).anySatisfy(c -> {
            assertThat(c.connectionId()).isEqualTo(id);
            assertThat(c.status()).isEqualTo(ConnectionChanged.Status.NEEDS_REAUTH);
        });
        assertThatThrownBy(() -> connections.grant(id)).isInstanceOf(ReconnectRequiredException.class);
    }
}
