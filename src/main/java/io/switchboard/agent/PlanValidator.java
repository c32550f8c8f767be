package io.switchboard.agent;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quartz.CronExpression;

import io.switchboard.apps.AppView;
import io.switchboard.apps.EntityDef;
import io.switchboard.catalog.Action;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;

/** The model proposes, the catalog decides: checks a draft and fills its scopes from the catalog. */
@ApplicationScoped
public class PlanValidator {
    private static final Set<String> EVENTS = Set.of("created", "updated", "deleted");
    private static final int MAX_INPUT_LENGTH = 500;

    @Inject
    Catalog catalog;

    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(Plan plan) implements Outcome {
    }

    public record Rejected(String problem) implements Outcome {
    }

    public Outcome check(PlanDraft draft, AppView app) {
        Connector connector = catalog.connector(nullToEmpty(draft.connector())).orElse(null);
        if (connector == null) {
            return new Rejected("connector '" + draft.connector() + "' is not in the catalog");
        }
        Action action = connector.action(nullToEmpty(draft.action())).orElse(null);
        if (action == null) {
            return new Rejected("action '" + draft.action() + "' is not one of " + connector.name() + "'s actions: "
                    + connector.actions().stream().map(Action::id).toList());
        }
        String entity = draft.entity();
        if (entity != null && !entity.isBlank()) {
            EntityDef def = app.entities().stream().filter(e -> e.name().equalsIgnoreCase(draft.entity())).findFirst()
                    .orElse(null);
            if (def == null) {
                return new Rejected("entity '" + entity + "' does not exist in this app; it has "
                        + app.entities().stream().map(EntityDef::name).toList());
            }
            entity = def.name();
        } else {
            entity = null;
        }
        Trigger trigger;
        String type = draft.triggerType() == null ? Trigger.MANUAL : draft.triggerType();
        switch (type) {
            case Trigger.SCHEDULE -> {
                if (draft.cron() == null || !CronExpression.isValidExpression(draft.cron())) {
                    return new Rejected("cron '" + draft.cron() + "' is not a valid Quartz expression (seconds first)");
                }
                String zone = draft.timezone() == null || draft.timezone().isBlank() ? app.timezone() : draft.timezone();
                try {
                    zone = ZoneId.of(zone).getId();
                } catch (DateTimeException e) {
                    return new Rejected("time zone '" + zone + "' is not an IANA zone id");
                }
                trigger = Trigger.schedule(draft.cron(), zone);
            }
            case Trigger.ENTITY_EVENT -> {
                if (entity == null) {
                    return new Rejected("an entity_event trigger needs one of the app's entities");
                }
                if (!EVENTS.contains(nullToEmpty(draft.event()))) {
                    return new Rejected("event '" + draft.event() + "' must be created, updated or deleted");
                }
                trigger = Trigger.entityEvent(entity, draft.event());
            }
            case Trigger.MANUAL -> trigger = Trigger.manual();
            default -> {
                return new Rejected("trigger type '" + type + "' must be schedule, entity_event or manual");
            }
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        List<String> declared = action.inputNames();
        if (draft.inputs() != null) {
            draft.inputs().forEach((name, value) -> {
                if (declared.contains(name) && value != null && value.length() <= MAX_INPUT_LENGTH) {
                    inputs.put(name, value);
                }
            });
        }
        Map<String, String> filter = draft.filter() == null || entity == null ? null : Map.copyOf(draft.filter());
        Plan.Source source = entity == null ? null : new Plan.Source(entity, filter == null || filter.isEmpty() ? null : filter);
        return new Accepted(new Plan(Plan.Status.ready, connector.id(), action.id(), List.copyOf(action.scopes()), trigger,
                source, inputs, null, null, null, Summaries.of(connector, action, trigger, entity)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
