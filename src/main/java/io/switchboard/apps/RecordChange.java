package io.switchboard.apps;

import java.time.Instant;
import java.util.Map;

/** Published on {@link #CHANNEL} after each record change, for flows that react to app events. */
public record RecordChange(String appId, String entity, String recordId, Kind kind, Map<String, Object> data,
        String user, Instant at) {

    /** Where flows read record changes. */
    public static final String CHANNEL = "app-events";
    /** Where record changes are published: joined to {@link #CHANNEL} in memory, or through RabbitMQ in prod. */
    public static final String OUTGOING = "app-events-out";

    public enum Kind {
        CREATED,
        UPDATED,
        DELETED
    }
}
