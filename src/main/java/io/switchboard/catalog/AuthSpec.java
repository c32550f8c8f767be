package io.switchboard.catalog;

import java.util.List;
import java.util.Map;

/**
 * How a provider does OAuth 2.0, quirks included, as data. {@code provider} names whose sign-in it is (Google for
 * every Google connector), the word people see when it has to be reconnected.
 */
public record AuthSpec(String type, String provider, String authorizationUrl, String tokenUrl, Revocation revocation,
        Identity identity, boolean pkce, String scopeSeparator, String scopeParam, String clientIdParam,
        Map<String, String> authorizeParams, String tokenAuth, String tokenRequestFormat, TokenResponse tokenResponse,
        Refresh refresh, boolean incrementalConsent) {

    public record Revocation(String url, String method, String tokenParam, String clientAuth) {
    }

    /** Where the connected account's name comes from; {@code url} may be {@code token_response}. */
    /** {@code extra}: values of the identity reply kept with the connection, by name, as dot paths (LinkedIn's sub). */
    public record Identity(String url, String method, String accountField, Map<String, String> extra,
            List<String> scopes) {
        public boolean fromTokenResponse() {
            return "token_response".equals(url);
        }
    }

    /**
     * Dot paths into the token endpoint's reply. {@code okField} and {@code errorField} find errors sent with HTTP
     * 200; {@code reauthErrors} are the provider's own error codes that, like {@code invalid_grant}, mean the saved
     * sign-in is no longer accepted.
     */
    public record TokenResponse(String accessToken, String refreshToken, String expiresIn, String scope,
            Map<String, String> extra, String okField, String errorField, List<String> reauthErrors) {
    }

    public record Refresh(boolean supported, boolean rotates) {
    }
}
