package io.switchboard.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.switchboard.catalog.CatalogFiles;
import io.switchboard.catalog.CatalogLoader;
import io.switchboard.catalog.Connector;

/**
 * Every provider API on one WireMock server on a free port. Each connector's base URL keeps its real path (so
 * BigQuery calls arrive at /bigquery/v2/...), absolute upload hosts are sent here too, and Salesforce is left
 * without an override so its instance_url from the grant is what routes it.
 */
public class ProviderApis implements QuarkusTestResourceLifecycleManager {
    public static final String DISCORD_BOT_TOKEN = "test-discord-bot-token";
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>();
        var files = CatalogFiles.fromDirectory(java.nio.file.Path.of("catalog"));
        for (Connector connector : new CatalogLoader().load(files).connectors()) {
            if (connector.id().equals("salesforce")) {
                continue;
            }
            String path = URI.create(connector.apiBaseUrl()).getRawPath();
            config.put("switchboard.connectors." + connector.id() + ".api-base-url", server.baseUrl() + path);
            config.put("switchboard.connectors." + connector.id() + ".absolute-base-url", server.baseUrl());
        }
        config.put("switchboard.connectors.discord.bot-token", DISCORD_BOT_TOKEN);
        return config;
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
