package io.switchboard.agent;

import java.util.Map;

/** The plan as the model proposed it through the propose_plan tool, before the catalog checks it. */
public record PlanDraft(String connector, String action, String triggerType, String cron, String timezone,
        String entity, String event, Map<String, String> filter, Map<String, String> inputs) {
}
