package io.switchboard.connections;

import java.util.Map;

/**
 * What a flow run needs to call a provider as one connection: the bearer token (never logged, never returned by an
 * API), where the provider's API lives for this account, and values the provider handed out at connect time.
 */
public record AccessGrant(String connectionId, String accessToken, String apiBaseUrl, String account,
        Map<String, String> extra) {

    @Override
    public String toString() {
        return "AccessGrant[connectionId=" + connectionId + ", account=" + account + ", accessToken=***]";
    }
}
