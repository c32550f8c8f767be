package io.switchboard.connections.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import io.switchboard.catalog.AuthSpec;
import io.switchboard.catalog.Connector;

/**
 * Token endpoint work through the Quarkus OIDC client, one client per connector built from the catalog, and the
 * identity call that names the connected account.
 */
@ApplicationScoped
public class TokenClient {
    private final Map<String, OidcClient> clients = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    OidcClients oidcClients;
    @Inject
    ProviderDirectory providers;

    /** Tokens as the provider gave them; {@code extra} holds values the catalog asks to keep (instance_url, host). */
    public record TokenSet(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes,
            Map<String, String> extra) {
        @Override
        public String toString() {
            return "TokenSet[expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
        }
    }

    /** The provider refused the grant (for example {@code invalid_grant}); the text is safe to show. */
    public static class GrantRefused extends RuntimeException {
        public GrantRefused(String message) {
            super(message, null, false, false);
        }
    }

    public TokenSet exchange(String connectorId, String code, String verifier) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("redirect_uri", providers.redirectUri());
        if (verifier != null) {
            params.put("code_verifier", verifier);
        }
        return call(connectorId, () -> client(connectorId).getTokens(params).await().atMost(Duration.ofSeconds(30)));
    }

    public TokenSet refresh(String connectorId, String refreshToken) {
        return call(connectorId, () -> client(connectorId).refreshTokens(refreshToken).await().atMost(Duration.ofSeconds(30)));
    }

    /** Best effort: revokes the token where the provider has a revocation endpoint. */
    public boolean revoke(String connectorId, String token) {
        try {
            return Boolean.TRUE.equals(client(connectorId).revokeAccessToken(token).await().atMost(Duration.ofSeconds(10)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The account name from the identity endpoint (or the token response, where the provider puts it there). */
    public String account(String connectorId, TokenSet tokens) {
        ProviderDirectory.Endpoints endpoints = providers.endpoints(connectorId);
        if ("token_response".equals(endpoints.identityUrl())) {
            return tokens.extra().getOrDefault("account", "connected account");
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoints.identityUrl()))
                    .header("Authorization", "Bearer " + tokens.accessToken()).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return "connected account";
            }
            JsonNode node = json.readTree(response.body());
            for (String part : endpoints.accountField().split("\\.")) {
                node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
            }
            return node.isMissingNode() || node.isNull() ? "connected account" : node.asText();
        } catch (java.io.IOException e) {
            return "connected account";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "connected account";
        }
    }

    private TokenSet call(String connectorId, java.util.function.Supplier<Tokens> request) {
        Tokens tokens;
        try {
            tokens = request.get();
        } catch (OidcClientException e) {
            String message = String.valueOf(e.getMessage());
            throw new GrantRefused(message.contains("invalid_grant") ? "invalid_grant"
                    : "the provider refused the request (" + firstLine(message) + ")");
        }
        Connector connector = providers.connector(connectorId);
        AuthSpec.TokenResponse shape = connector.auth().tokenResponse();
        Map<String, String> extra = new LinkedHashMap<>();
        if (shape.extra() != null) {
            shape.extra().forEach((name, path) -> {
                String value = tokens.get(path);
                if (value != null) {
                    extra.put(name, value);
                }
            });
        }
        String scope = tokens.get(shape.scope() == null ? "scope" : shape.scope());
        Instant expiresAt = tokens.getAccessTokenExpiresAt() == null ? null
                : Instant.ofEpochSecond(tokens.getAccessTokenExpiresAt());
        return new TokenSet(tokens.getAccessToken(), tokens.getRefreshToken(), expiresAt,
                scope == null ? null : List.of(scope.trim().split(connector.auth().scopeSeparator().equals(",") ? "[,\\s]+" : "\\s+")),
                extra);
    }

    private OidcClient client(String connectorId) {
        return clients.computeIfAbsent(connectorId, id -> {
            ProviderDirectory.Endpoints endpoints = providers.endpoints(id);
            AuthSpec auth = providers.connector(id).auth();
            URI token = URI.create(endpoints.tokenUrl());
            OidcClientConfig config = OidcClientConfig.builder()
                    .id("connector-" + id)
                    .authServerUrl(token.getScheme() + "://" + token.getAuthority())
                    .discoveryEnabled(false)
                    .tokenPath(endpoints.tokenUrl())
                    .revokePath(endpoints.revocationUrl() == null ? endpoints.tokenUrl() : endpoints.revocationUrl())
                    .clientId(endpoints.clientId())
                    .credentials().clientSecret(endpoints.clientSecret(),
                            "client_secret_basic".equals(auth.tokenAuth()) ? Method.BASIC : Method.POST)
                    .end()
                    .grant(OidcClientConfig.Grant.Type.CODE)
                    .headers("Accept", "application/json")
                    .build();
            return oidcClients.newClient(config).await().atMost(Duration.ofSeconds(30));
        });
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("").replaceAll("[A-Za-z0-9_\\-]{30,}", "***");
    }
}
