package io.switchboard.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OAuth 2.0 server (mock-oauth2-server) standing in for Google's authorization, token and identity
 * endpoints (Drive and Gmail), started before Quarkus so the connector's client can point at it.
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
        Map<String, String> config = new HashMap<>();
        // one Google client serves every Google connector, as it does for real
        for (String connector : List.of("google_drive", "gmail")) {
            String prefix = "switchboard.connectors." + connector + ".";
            config.put(prefix + "client-id", "google-client");
            config.put(prefix + "client-secret", "google-secret");
            config.put(prefix + "authorization-url", server.authorizationEndpointUrl(ISSUER).toString());
            config.put(prefix + "token-url", server.tokenEndpointUrl(ISSUER).toString());
            config.put(prefix + "identity-url", server.userInfoUrl(ISSUER).toString());
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
