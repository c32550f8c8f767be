package io.switchboard.connections;

/** Fired when a person comes back from a provider's consent page, connected or not. */
public record AuthorizationFinished(String appId, String conversationId, String user, String connector,
        ConnectionMode mode, String connectionId, boolean denied) {
}
