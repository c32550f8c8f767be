package io.switchboard.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OAuth 2.0 server (mock-oauth2-server) standing in for Google Drive's authorization, token and identity
 * endpoints, started before Quarkus so the connector's client can point at it.
 */
public class MockOAuthServer implements QuarkusTestResourceLifecycleManager {
    public static final String ISSUER = "drive";
    static MockOAuth2Server server;

    public static MockOAuth2Server server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server();
        server.start();
        String prefix = "switchboard.connectors.google_drive.";
        return Map.of(prefix + "client-id", "drive-client", prefix + "client-secret", "drive-secret",
                prefix + "authorization-url", server.authorizationEndpointUrl(ISSUER).toString(),
                prefix + "token-url", server.tokenEndpointUrl(ISSUER).toString(),
                prefix + "identity-url", server.userInfoUrl(ISSUER).toString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
