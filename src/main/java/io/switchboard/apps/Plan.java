package io.switchboard.apps;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.switchboard.web.ApiException;

/** The app's subscription; connectors need Builder or higher. */
public enum Plan {
    FREE,
    STARTER,
    BUILDER,
    PRO,
    ENTERPRISE;

    public boolean allowsConnectors() {
        return compareTo(BUILDER) >= 0;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Plan of(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("Unknown plan '" + id + "': use one of "
                        + Arrays.stream(values()).map(Plan::id).collect(Collectors.joining(", ")) + "."));
    }
}
