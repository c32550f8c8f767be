package io.switchboard.agent.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.agent.Plan;
import io.switchboard.agent.PlanService;
import io.switchboard.apps.AppView;
import io.switchboard.apps.EntityDef;
import io.switchboard.apps.FieldType;
import io.switchboard.catalog.Action;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;

/**
 * Prompt chips made from the app's own entities and fields. Each candidate goes through the planner and only the
 * ones it turns into a ready plan are offered.
 */
@ApplicationScoped
public class SuggestionService {
    static final int MAX = 8;

    @Inject
    PlanService plans;
    @Inject
    Catalog catalog;

    public record Suggestion(String text, String connector) {
    }

    public List<Suggestion> forApp(AppView app) {
        List<String> candidates = new ArrayList<>();
        for (EntityDef entity : app.entities()) {
            String one = words(entity.name());
            String many = plural(one);
            Optional<EntityDef.Field> date = firstOf(entity, FieldType.DATE, FieldType.DATETIME);
            Optional<EntityDef.Field> email = firstOf(entity, FieldType.EMAIL);
            candidates.add("Post to Slack #general when a new " + one + " is created");
            candidates.add("Every morning, email me a summary of open " + many + " with Gmail");
            candidates.add("Add each new " + one + " as a row in Google Sheets");
            date.ifPresent(d -> candidates.add("Put each new " + one + " on Google Calendar on its " + words(d.name())));
            email.ifPresent(e -> candidates.add("Create a HubSpot contact for every new " + one));
            candidates.add("Create a Notion page for each new " + one);
        }
        return plannable(app, candidates, MAX);
    }

    public List<Suggestion> forConnector(AppView app, String connectorId) {
        Connector connector = catalog.connector(connectorId).orElseThrow();
        List<String> candidates = new ArrayList<>();
        for (EntityDef entity : app.entities()) {
            String one = words(entity.name());
            for (Action action : connector.actions()) {
                if ("write".equals(action.kind())) {
                    candidates.add(action.name() + " in " + connector.name() + " for each new " + one);
                }
            }
            candidates.add("Every Monday at 9am, " + connector.actions().get(0).name().toLowerCase(Locale.ROOT) + " in "
                    + connector.name() + " with this week's " + plural(one));
        }
        candidates.addAll(connector.examplePrompts());
        return plannable(app, candidates, 5).stream().filter(s -> s.connector().equals(connectorId)).toList();
    }

    private List<Suggestion> plannable(AppView app, List<String> candidates, int max) {
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (String text : candidates) {
            if (out.size() >= max) {
                break;
            }
            Plan plan = plans.plan(app, text);
            if (plan.ready()) {
                out.putIfAbsent(text, new Suggestion(text, plan.connector()));
            }
        }
        return List.copyOf(out.values());
    }

    private static Optional<EntityDef.Field> firstOf(EntityDef entity, FieldType... types) {
        return entity.fields().stream().filter(f -> List.of(types).contains(f.type())).findFirst();
    }

    /** "LineItem" or "line_item" as "line item". */
    static String words(String identifier) {
        return identifier.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    static String plural(String noun) {
        if (noun.endsWith("y") && !noun.matches(".*[aeiou]y")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh") ? noun + "es"
                : noun + "s";
    }
}
