package io.switchboard.connections;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.switchboard.web.ApiException;

/** Shared: one account for the whole app, connected by an editor. Per user: each app user connects their own. */
public enum ConnectionMode {
    SHARED("shared"),
    PER_USER("per_user");

    private final String id;

    ConnectionMode(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static ConnectionMode of(String id) {
        for (ConnectionMode mode : values()) {
            if (mode.id.equals(id)) {
                return mode;
            }
        }
        throw ApiException.badRequest("Unknown connection mode '" + id + "': use 'shared' or 'per_user'.");
    }
}
