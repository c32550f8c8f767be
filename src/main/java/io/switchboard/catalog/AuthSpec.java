package io.switchboard.catalog;

import java.util.List;
import java.util.Map;

/** How a provider does OAuth 2.0, quirks included, as data. */
public record AuthSpec(String type, String authorizationUrl, String tokenUrl, Revocation revocation, Identity identity,
        boolean pkce, String scopeSeparator, String scopeParam, String clientIdParam, Map<String, String> authorizeParams,
        String tokenAuth, String tokenRequestFormat, TokenResponse tokenResponse, Refresh refresh,
        boolean incrementalConsent) {

    public record Revocation(String url, String method, String tokenParam, String clientAuth) {
    }

    /** Where the connected account's name comes from; {@code url} may be {@code token_response}. */
    public record Identity(String url, String method, String accountField, List<String> scopes) {
        public boolean fromTokenResponse() {
            return "token_response".equals(url);
        }
    }

    /** Dot paths into the token endpoint's reply. */
    public record TokenResponse(String accessToken, String refreshToken, String expiresIn, String scope,
            Map<String, String> extra, String okField, String errorField) {
    }

    public record Refresh(boolean supported, boolean rotates) {
    }
}
