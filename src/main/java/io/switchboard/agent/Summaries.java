package io.switchboard.agent;

import io.switchboard.catalog.Action;
import io.switchboard.catalog.Connector;

/** One sentence that tells a person what a plan will do. */
final class Summaries {
    private Summaries() {
    }

    static String of(Connector connector, Action action, Trigger trigger, String entity) {
        String what = action.name() + " with " + connector.name();
        String source = entity == null ? "" : " using your " + entity + " records";
        return switch (trigger.type()) {
            case Trigger.SCHEDULE -> what + source + " on the schedule " + CronWords.describe(trigger.cron()) + " ("
                    + trigger.timezone() + ").";
            case Trigger.ENTITY_EVENT -> what + " whenever a " + trigger.entity() + " is " + trigger.event() + ".";
            default -> what + source + " when you run it.";
        };
    }
}
