package io.switchboard.flows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.switchboard.agent.Trigger;
import io.switchboard.connections.ConnectionMode;

/** A flow as the flows list shows it. */
public record FlowView(String id, String name, String connector, String action, Trigger trigger, FlowStatus status,
        ConnectionMode connectionMode) {

    static FlowView of(Flow flow) {
        return new FlowView(flow.id, flow.name, flow.connector, flow.action, flow.trigger(), flow.status, flow.mode());
    }

    /** One flow with everything it does and why it is in its state. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String id, String name, String connector, String action, Trigger trigger, FlowStatus status,
            String statusReason, ConnectionMode connectionMode, Source source, Map<String, String> inputs,
            String createdBy, Instant createdAt, Instant updatedAt, Instant nextRunAt, List<MissingUser> missingUsers) {

        static Detail of(Flow flow, Instant nextRunAt, List<MissingUser> missingUsers) {
            return new Detail(flow.id, flow.name, flow.connector, flow.action, flow.trigger(), flow.status,
                    flow.statusReason, flow.mode(),
                    flow.sourceEntity == null ? null : new Source(flow.sourceEntity, flow.sourceFilter()), flow.inputs(),
                    flow.createdBy, flow.createdAt, flow.updatedAt, nextRunAt, missingUsers);
        }
    }

    /** Someone in the app a per-user flow skips, and why: {@code not_connected} or {@code needs_reconnect}. */
    public record MissingUser(String user, String reason) {
        public static final String NOT_CONNECTED = "not_connected";
        public static final String NEEDS_RECONNECT = "needs_reconnect";
    }

    public record Source(String entity, Map<String, String> filter) {
    }
}
