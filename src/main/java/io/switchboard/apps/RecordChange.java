package io.switchboard.apps;

import java.time.Instant;
import java.util.Map;

/** Published on {@link #CHANNEL} after each record change, for flows that react to app events. */
public record RecordChange(String appId, String entity, String recordId, Kind kind, Map<String, Object> data,
        String user, Instant at) {

    public static final String CHANNEL = "app-events";

    public enum Kind {
        CREATED,
        UPDATED,
        DELETED
    }
}
