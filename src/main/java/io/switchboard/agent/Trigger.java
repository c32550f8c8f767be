package io.switchboard.agent;

import com.fasterxml.jackson.annotation.JsonInclude;

/** When a flow runs: a Quartz schedule in a time zone, an app record event, or by hand. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(String type, String cron, String timezone, String entity, String event) {
    public static final String SCHEDULE = "schedule";
    public static final String ENTITY_EVENT = "entity_event";
    public static final String MANUAL = "manual";

    public static Trigger schedule(String cron, String timezone) {
        return new Trigger(SCHEDULE, cron, timezone, null, null);
    }

    public static Trigger entityEvent(String entity, String event) {
        return new Trigger(ENTITY_EVENT, null, null, entity, event);
    }

    public static Trigger manual() {
        return new Trigger(MANUAL, null, null, null, null);
    }
}
