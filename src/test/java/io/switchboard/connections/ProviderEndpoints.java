package io.switchboard.connections;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.catalog.AuthSpec;
import io.switchboard.catalog.CatalogFiles;
import io.switchboard.catalog.CatalogLoader;
import io.switchboard.catalog.Connector;
import io.switchboard.testsupport.InjectProviderApis;

/**
 * The OAuth endpoints of the providers with token-endpoint quirks on one WireMock server, each at its real path
 * ({@code /api/oauth.v2.access}, {@code /login/oauth/access_token}, ...), with a client id and secret configured per
 * connector as {@code SWITCHBOARD_CONNECTORS_<ID>_*} would, so the real OIDC-client code path runs against them.
 */
public class ProviderEndpoints implements QuarkusTestResourceLifecycleManager {
    static final List<String> CONNECTORS = List.of("slack_user", "slack_bot", "github", "notion", "salesforce", "tiktok",
            "linkedin");
    private WireMockServer server;

    static String clientId(String connector) {
        return connector + "-client";
    }

    static String clientSecret(String connector) {
        return connector + "-secret";
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>();
        var files = CatalogFiles.fromDirectory(java.nio.file.Path.of("catalog"));
        for (Connector connector : new CatalogLoader().load(files).connectors()) {
            if (!CONNECTORS.contains(connector.id())) {
                continue;
            }
            AuthSpec auth = connector.auth();
            String prefix = "switchboard.connectors." + connector.id() + ".";
            config.put(prefix + "client-id", clientId(connector.id()));
            config.put(prefix + "client-secret", clientSecret(connector.id()));
            config.put(prefix + "authorization-url", here(auth.authorizationUrl()));
            config.put(prefix + "token-url", here(auth.tokenUrl()));
            config.put(prefix + "api-base-url", here(connector.apiBaseUrl()));
            if (!auth.identity().fromTokenResponse()) {
                config.put(prefix + "identity-url", here(auth.identity().url()));
            }
            if (auth.revocation() != null) {
                config.put(prefix + "revocation-url", here(auth.revocation().url()));
            }
        }
        return config;
    }

    /** The same path and query on the stub server. */
    private String here(String url) {
        URI real = URI.create(url);
        return server.baseUrl() + real.getRawPath() + (real.getRawQuery() == null ? "" : "?" + real.getRawQuery());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectProviderApis.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
