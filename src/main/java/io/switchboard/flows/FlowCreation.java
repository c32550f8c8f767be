package io.switchboard.flows;

import java.util.Map;

import io.switchboard.agent.Trigger;
import io.switchboard.connections.ConnectionMode;

/** What the chat hands to flows once a plan is approved and its connection exists (or is awaited). */
public interface FlowCreation {

    record NewFlow(String appId, String name, String connector, String action, Trigger trigger, String sourceEntity,
            Map<String, String> sourceFilter, Map<String, String> inputs, ConnectionMode mode, String createdBy,
            boolean waitingForApproval) {
    }

    /** Writes the flow (active, or needs_approval while its connection lacks scopes) and returns its id. */
    String create(NewFlow flow);
}
