package io.switchboard.connections.oauth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.switchboard.catalog.AuthSpec;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;
import io.switchboard.catalog.ConnectorSettings;
import io.switchboard.connections.sandbox.SandboxKeys;
import io.switchboard.web.ApiException;

/**
 * Where a connector's OAuth endpoints and client are: the provider's (catalog, overridable per connector) when its
 * client is configured, otherwise the sandbox served by this service (never in production).
 */
@ApplicationScoped
public class ProviderDirectory {
    public static final String SANDBOX_CLIENT_ID = "switchboard-sandbox";

    @Inject
    Catalog catalog;
    @Inject
    ConnectorSettings settings;
    @Inject
    SandboxKeys sandboxKeys;
    @ConfigProperty(name = "switchboard.public-url")
    String publicUrl;

    public record Endpoints(String authorizationUrl, String tokenUrl, String identityUrl, String accountField,
            String revocationUrl, String clientId, String clientSecret, boolean sandbox) {
    }

    public Connector connector(String id) {
        return catalog.connector(id).orElseThrow(() -> ApiException.notFound("No connector '" + id + "'."));
    }

    public Endpoints endpoints(String connectorId) {
        Connector connector = connector(connectorId);
        AuthSpec auth = connector.auth();
        Optional<Catalog.ClientCredentials> client = catalog.client(connectorId);
        if (client.isPresent()) {
            return new Endpoints(override(connectorId, "authorization-url", auth.authorizationUrl()),
                    override(connectorId, "token-url", auth.tokenUrl()),
                    override(connectorId, "identity-url", auth.identity().url()), auth.identity().accountField(),
                    auth.revocation() == null ? null : override(connectorId, "revocation-url", auth.revocation().url()),
                    client.get().clientId(), client.get().clientSecret(), false);
        }
        if (ConfigUtils.getProfiles().contains("prod")) {
            throw new ApiException(409, connector.name() + " is not configured: set SWITCHBOARD_CONNECTORS_"
                    + connectorId.toUpperCase() + "_CLIENT_ID and _CLIENT_SECRET.");
        }
        String base = sandboxBase(connectorId);
        return new Endpoints(base + "/authorize", base + "/token", base + "/userinfo", "account", base + "/revoke",
                SANDBOX_CLIENT_ID, sandboxKeys.clientSecret(connectorId), true);
    }

    public String redirectUri() {
        return publicUrl + "/oauth/callback";
    }

    /** Where the sandbox answers API calls as the provider would. */
    public String sandboxApiBase(String connectorId) {
        return publicUrl + "/sandbox/api/" + connectorId;
    }

    public String sandboxBase(String connectorId) {
        return publicUrl + "/sandbox/oauth/" + connectorId;
    }

    private String override(String connectorId, String key, String fallback) {
        return settings.get(connectorId, key).orElse(fallback);
    }
}
