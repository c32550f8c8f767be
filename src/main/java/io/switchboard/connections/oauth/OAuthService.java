package io.switchboard.connections.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.switchboard.catalog.AuthSpec;
import io.switchboard.catalog.Connector;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.connections.vault.TokenVault;
import io.switchboard.web.ApiException;

/** Starts authorizations: state and PKCE kept server-side, the authorize URL built from the catalog's data. */
@ApplicationScoped
public class OAuthService {
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private final SecureRandom random = new SecureRandom();

    @Inject
    ProviderDirectory providers;
    @Inject
    TokenVault vault;
    @Inject
    Clock clock;

    public record AuthorizationRequest(String appId, String user, String conversationId, String connector,
            ConnectionMode mode, List<String> scopes, String connectionId, List<String> alreadyGranted) {
    }

    /**
     * Scopes to ask for: what the action needs and what identifies the account. For a connection that exists, a
     * provider with incremental consent is asked only for what the grant lacks (it keeps the rest); any other
     * provider is asked for the union, since its new grant replaces the old one.
     */
    public List<String> scopesToRequest(AuthorizationRequest request) {
        Connector connector = providers.connector(request.connector());
        Set<String> scopes = new LinkedHashSet<>(request.scopes());
        scopes.addAll(connector.auth().identity().scopes());
        if (request.connectionId() == null) {
            return List.copyOf(scopes);
        }
        if (connector.auth().incrementalConsent()) {
            Set<String> missing = new LinkedHashSet<>(scopes);
            missing.removeAll(request.alreadyGranted());
            // nothing new (a reconnect): consent again to all of it
            return List.copyOf(missing.isEmpty() ? scopes : missing);
        }
        scopes.addAll(request.alreadyGranted());
        return List.copyOf(scopes);
    }

    @Transactional
    public String authorizeUrl(AuthorizationRequest request) {
        Connector connector = providers.connector(request.connector());
        AuthSpec auth = connector.auth();
        ProviderDirectory.Endpoints endpoints = providers.endpoints(request.connector());
        List<String> scopes = scopesToRequest(request);

        String state = randomToken();
        String verifier = auth.pkce() || endpoints.sandbox() ? randomToken() : null;
        OAuthState stored = new OAuthState();
        stored.stateHash = sha256(state);
        stored.appId = request.appId();
        stored.user = request.user();
        stored.conversationId = request.conversationId();
        stored.connector = request.connector();
        stored.mode = request.mode();
        stored.scopes = String.join(" ", request.scopes());
        stored.connectionId = request.connectionId();
        stored.codeVerifier = vault.encrypt(verifier);
        stored.expiresAt = clock.instant().plus(STATE_LIFETIME);
        stored.used = false;
        stored.persist();

        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put(auth.clientIdParam(), endpoints.clientId());
        params.put("redirect_uri", providers.redirectUri());
        if (!scopes.isEmpty()) {
            params.put(auth.scopeParam(), String.join(auth.scopeSeparator(), scopes));
        }
        params.put("state", state);
        if (verifier != null) {
            params.put("code_challenge", challenge(verifier));
            params.put("code_challenge_method", "S256");
        }
        params.putAll(auth.authorizeParams());
        return endpoints.authorizationUrl() + (endpoints.authorizationUrl().contains("?") ? "&" : "?")
                + params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /**
     * Takes the stored authorization for {@code state} exactly once; refuses unknown, used, expired states and
     * states started by someone else. An expired state is spent all the same (the refusal must not roll that back).
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public OAuthState consume(String state, String user) {
        if (state == null || state.isBlank()) {
            throw ApiException.badRequest("The sign-in answer has no state; start the connection again.");
        }
        OAuthState stored = OAuthState.findById(sha256(state), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (stored == null || stored.used) {
            throw ApiException.badRequest("This sign-in link was already used or is unknown; start the connection again.");
        }
        if (!stored.user.equals(user)) {
            throw ApiException.forbidden("This sign-in was started by another user; start your own connection.");
        }
        stored.used = true;
        if (clock.instant().isAfter(stored.expiresAt)) {
            throw ApiException.badRequest("This sign-in link expired after 10 minutes; start the connection again.");
        }
        return stored;
    }

    public String verifier(OAuthState state) {
        return vault.decrypt(state.codeVerifier);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
