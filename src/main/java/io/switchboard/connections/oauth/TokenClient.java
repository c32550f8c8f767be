package io.switchboard.connections.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
import io.switchboard.catalog.JsonPaths;

/**
 * Token endpoint work through the Quarkus OIDC client, one client per connector built from the catalog (provider
 * quirks handled by {@link TokenEndpointAdapter}), and the identity call that names the connected account.
 */
@ApplicationScoped
public class TokenClient {
    private static final String UNKNOWN_ACCOUNT = "connected account";
    private final Map<String, OidcClient> clients = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    OidcClients oidcClients;
    @Inject
    ProviderDirectory providers;
    @Inject
    Clock clock;

    /**
     * Tokens as the provider gave them; {@code extra} holds values the catalog asks to keep (instance_url, host),
     * {@code account} the account name when the provider puts it in the token reply.
     */
    public record TokenSet(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes,
            Map<String, String> extra, String account) {
        TokenSet with(String account, Map<String, String> identityExtra) {
            Map<String, String> all = new LinkedHashMap<>(extra);
            all.putAll(identityExtra);
            return new TokenSet(accessToken, refreshToken, expiresAt, scopes, all, account);
        }

        @Override
        public String toString() {
            return "TokenSet[expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
        }
    }

    /**
     * The token endpoint did not hand out tokens. {@link #signInRevoked()} when it says the grant is no longer valid
     * ({@code invalid_grant} or the provider's own words for it); otherwise the endpoint failed or was silent. The
     * message is the provider's error code, safe to show.
     */
    public static class GrantRefused extends RuntimeException {
        private final boolean signInRevoked;

        GrantRefused(String code, boolean signInRevoked) {
            super(code, null, false, false);
            this.signInRevoked = signInRevoked;
        }

        public boolean signInRevoked() {
            return signInRevoked;
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
        return call(connectorId,
                () -> client(connectorId).refreshTokens(refreshToken).await().atMost(Duration.ofSeconds(30)));
    }

    /** Best effort: revokes the token where the provider has a revocation endpoint. */
    public boolean revoke(String connectorId, String token) {
        try {
            return Boolean.TRUE.equals(client(connectorId).revokeAccessToken(token).await().atMost(Duration.ofSeconds(10)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The tokens with the account name from the identity endpoint (or the token reply, where the provider puts it
     * there) and the identity values the catalog asks to keep.
     */
    public TokenSet withIdentity(String connectorId, TokenSet tokens) {
        ProviderDirectory.Endpoints endpoints = providers.endpoints(connectorId);
        if ("token_response".equals(endpoints.identityUrl())) {
            return tokens.with(tokens.account() == null ? UNKNOWN_ACCOUNT : tokens.account(), Map.of());
        }
        AuthSpec.Identity identity = providers.connector(connectorId).auth().identity();
        JsonNode reply = identityReply(endpoints.identityUrl(), identity.method(), tokens.accessToken());
        String account = JsonPaths.valueAt(reply, endpoints.accountField());
        Map<String, String> extra = new LinkedHashMap<>();
        if (identity.extra() != null) {
            identity.extra().forEach((name, path) -> {
                String value = JsonPaths.valueAt(reply, path);
                if (value != null) {
                    extra.put(name, value);
                }
            });
        }
        return tokens.with(account == null || account.isBlank() ? UNKNOWN_ACCOUNT : account, extra);
    }

    /** The identity endpoint's reply; null when it could not be read (the account then shows as unknown). */
    private JsonNode identityReply(String url, String method, String accessToken) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .method(method == null ? "GET" : method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? json.readTree(response.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private TokenSet call(String connectorId, Supplier<Tokens> request) {
        AuthSpec auth = providers.connector(connectorId).auth();
        Tokens tokens;
        try {
            tokens = request.get();
        } catch (OidcClientException e) {
            String code = errorCode(e.getMessage());
            List<String> reauth = auth.tokenResponse().reauthErrors() == null ? List.of()
                    : auth.tokenResponse().reauthErrors();
            throw new GrantRefused(code, "invalid_grant".equals(code) || reauth.contains(code));
        } catch (RuntimeException e) {
            throw new GrantRefused("no_answer", false);
        }
        Map<String, String> extra = new LinkedHashMap<>();
        if (auth.tokenResponse().extra() != null) {
            auth.tokenResponse().extra().keySet().forEach(name -> {
                if (tokens.get(name) != null) {
                    extra.put(name, tokens.get(name));
                }
            });
        }
        String expiresIn = tokens.get("expires_in");
        String scope = tokens.get("scope");
        return new TokenSet(tokens.getAccessToken(), tokens.getRefreshToken(),
                expiresIn == null ? null : clock.instant().plusSeconds(Long.parseLong(expiresIn.trim())),
                // granted scopes come back space- or comma-separated whatever the authorize URL used (GitHub)
                scope == null ? null : Arrays.stream(scope.trim().split("[,\\s]+")).filter(s -> !s.isBlank()).toList(),
                extra, tokens.get(TokenEndpointAdapter.ACCOUNT));
    }

    /** The OAuth error code in the token endpoint's error body, or a word for a body that has none. */
    private String errorCode(String body) {
        try {
            JsonNode reply = json.readTree(body == null ? "" : body);
            String code = JsonPaths.valueAt(reply, "error");
            return code != null && code.matches("[A-Za-z0-9_.\\-]{1,64}") ? code : "refused";
        } catch (java.io.IOException notJson) {
            return "no_answer";
        }
    }

    private OidcClient client(String connectorId) {
        return clients.computeIfAbsent(connectorId, id -> {
            ProviderDirectory.Endpoints endpoints = providers.endpoints(id);
            AuthSpec auth = providers.connector(id).auth();
            // the sandbox takes the secret in the form: a Basic header would meet this service's own sign-in
            boolean basic = "client_secret_basic".equals(auth.tokenAuth()) && !endpoints.sandbox();
            URI token = URI.create(endpoints.tokenUrl());
            OidcClientConfig config = OidcClientConfig.builder()
                    .id(TokenEndpointAdapter.clientId(id, endpoints.sandbox()))
                    .authServerUrl(token.getScheme() + "://" + token.getAuthority())
                    .discoveryEnabled(false)
                    .tokenPath(endpoints.tokenUrl())
                    .revokePath(endpoints.revocationUrl() == null ? endpoints.tokenUrl() : endpoints.revocationUrl())
                    .clientId(endpoints.clientId())
                    .credentials().clientSecret(endpoints.clientSecret(), basic ? Method.BASIC : Method.POST)
                    .end()
                    .grant(OidcClientConfig.Grant.Type.CODE)
                    // GitHub answers form-encoded without it; everyone else ignores it or agrees
                    .headers("Accept", "application/json")
                    .build();
            return oidcClients.newClient(config).await().atMost(Duration.ofSeconds(30));
        });
    }
}
