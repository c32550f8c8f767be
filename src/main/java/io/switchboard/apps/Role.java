package io.switchboard.apps;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.switchboard.web.ApiException;

/** What a member may do in an app: editors build it, users use it. */
public enum Role {
    EDITOR,
    USER;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw ApiException.badRequest("Unknown role '" + id + "': use 'editor' or 'user'.");
    }
}
