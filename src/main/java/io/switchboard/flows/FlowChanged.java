package io.switchboard.flows;

import java.time.Instant;

/**
 * Fired (CDI event) when a flow is written, paused, resumed or deleted, so its schedule follows once the change
 * has committed. {@code from} is the moment from which slots count: a slot between it and now was missed.
 */
public record FlowChanged(String flowId, boolean scheduled, String cron, String timezone, Instant from) {

    static FlowChanged of(Flow flow, Instant from) {
        if (!flow.scheduled()) {
            return removed(flow.id);
        }
        return new FlowChanged(flow.id, true, flow.trigger().cron(), flow.trigger().timezone(), from);
    }

    static FlowChanged removed(String flowId) {
        return new FlowChanged(flowId, false, null, null, null);
    }
}
