package io.switchboard.agent;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the planner decided, as data; scopes always come from the catalog entry of the action. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(Status status, String connector, String action, List<String> scopes, Trigger trigger, Source source,
        Map<String, String> inputs, String question, List<String> options, String reason, String summary) {

    public enum Status {
        ready,
        needs_clarification,
        unsupported
    }

    public record Source(String entity, Map<String, String> filter) {
    }

    public static Plan clarification(String question, List<String> options) {
        return new Plan(Status.needs_clarification, null, null, null, null, null, null, question, options, null, null);
    }

    public static Plan unsupported(String reason) {
        return new Plan(Status.unsupported, null, null, null, null, null, null, null, null, reason, null);
    }

    public boolean ready() {
        return status == Status.ready;
    }
}
