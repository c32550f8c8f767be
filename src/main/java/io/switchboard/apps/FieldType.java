package io.switchboard.apps;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.switchboard.web.ApiException;

/** The value types an entity field can hold. */
public enum FieldType {
    STRING,
    TEXT,
    NUMBER,
    DATE,
    DATETIME,
    BOOLEAN,
    EMAIL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldType of(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("Unknown field type '" + id + "': use one of "
                        + Arrays.stream(values()).map(FieldType::id).collect(Collectors.joining(", ")) + "."));
    }
}
