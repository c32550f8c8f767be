package io.switchboard.connections;

/**
 * Fired (CDI event) when a connection becomes usable or stops being usable, so flows can wake up or pause without
 * the connections feature knowing about flows.
 */
public record ConnectionChanged(String appId, String connectionId, String connector, ConnectionMode mode, String owner,
        Status status, String reason) {

    public enum Status {
        ACTIVE,
        NEEDS_REAUTH,
        REVOKED
    }
}
