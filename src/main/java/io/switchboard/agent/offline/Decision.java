package io.switchboard.agent.offline;

import java.util.List;
import java.util.Map;

/** What the offline model decided to call: one of the three planning tools, with its arguments. */
public sealed interface Decision {

    record Propose(String connector, String action, String triggerType, String cron, String timezone, String entity,
            String event, Map<String, String> filter, Map<String, String> inputs) implements Decision {
    }

    record Clarify(String question, List<String> options) implements Decision {
    }

    record Unsupported(String reason) implements Decision {
    }
}
