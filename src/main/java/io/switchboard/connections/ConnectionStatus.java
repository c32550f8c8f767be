package io.switchboard.connections;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

public enum ConnectionStatus {
    ACTIVE,
    NEEDS_REAUTH,
    REVOKED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
