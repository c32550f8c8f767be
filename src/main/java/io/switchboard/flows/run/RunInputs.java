package io.switchboard.flows.run;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.switchboard.apps.AppView;
import io.switchboard.apps.EntityDef;
import io.switchboard.catalog.Action;
import io.switchboard.flows.FlowsConfig;

/**
 * Turns a flow's input templates into the values of one action call. Templates are Qute and see: {@code user}
 * (name, email), {@code app} (id, name, timezone), {@code entity}, {@code records} and {@code open} (the source
 * records, all and not yet done), {@code record} (the record that triggered the run, with its {@code link}),
 * {@code event}, {@code count},
 * {@code today} and {@code now} in the app's time zone.
 */
@ApplicationScoped
public class RunInputs {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Parsed templates by their text; flows are few and their templates short, so the map is only ever emptied. */
    private static final int PARSED_TEMPLATES = 1000;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    @Inject
    Engine engine;
    @Inject
    Clock clock;
    @Inject
    FlowsConfig config;

    /** What one call acts on: for whom, and which records. */
    public record Scope(AppView app, EntityDef entity, List<Map<String, Object>> records, Map<String, Object> record,
            String event, String user, String email) {
    }

    public Map<String, Object> render(Action action, Map<String, String> given, Scope scope) {
        Map<String, Object> data = context(scope);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : action.inputNames()) {
            String type = action.inputs().path("properties").path(name).path("type").asText("string");
            String template = given.get(name);
            Object value;
            if (template != null) {
                value = "string".equals(type) ? text(name, template, data) : structured(name, template, data);
            } else {
                Map<String, Object> seen = action.connectorId().startsWith("slack_") ? slackEscaped(data) : data;
                value = DefaultInputs.value(action.id(), name, scope)
                        .orElseGet(() -> DefaultInputs.template(action.id(), name, scope)
                                .map(t -> (Object) text(name, t, seen)).orElse(null));
            }
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    Map<String, Object> context(Scope scope) {
        var zone = scope.app().zone();
        List<Map<String, Object>> open = scope.records().stream().filter(r -> !DefaultInputs.done(scope.entity(), r))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", Map.of("name", scope.user(), "email", scope.email()));
        data.put("app", Map.of("id", scope.app().id(), "name", scope.app().name(), "timezone", scope.app().timezone()));
        data.put("entity", scope.entity() == null ? "" : scope.entity().name());
        data.put("records", scope.records());
        data.put("open", open);
        data.put("count", scope.records().size());
        data.put("record", scope.record() == null ? Map.of() : scope.record());
        data.put("event", scope.event() == null ? "" : scope.event());
        data.put("today", LocalDate.now(clock.withZone(zone)).toString());
        data.put("now", ZonedDateTime.now(clock.withZone(zone)).withNano(0).toOffsetDateTime().toString());
        return data;
    }

    /**
     * Slack reads &amp;, &lt; and &gt; as markup (a record titled "&lt;!channel&gt;" would ping everyone), so the
     * values its default messages show are escaped as Slack asks:
     * https://api.slack.com/reference/surfaces/formatting#escaping
     */
    @SuppressWarnings("unchecked")
    static <T> T slackEscaped(T value) {
        if (value instanceof String text) {
            return (T) text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, slackEscaped(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(RunInputs::slackEscaped).toList();
        }
        return value;
    }

    private String text(String input, String template, Map<String, Object> data) {
        try {
            if (parsed.size() > PARSED_TEMPLATES) {
                parsed.clear();
            }
            return parsed.computeIfAbsent(template, engine::parse).data(data).render();
        } catch (TemplateException e) {
            throw new IllegalArgumentException("The template of input '" + input + "' cannot be filled: " + e.getMessage(),
                    e);
        }
    }

    /** A JSON template (for list and object inputs) whose string values are Qute templates. */
    private Object structured(String input, String template, Map<String, Object> data) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(template);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Input '" + input + "' must be JSON (a list or an object); it is: "
                    + template);
        }
        return MAPPER.convertValue(fill(input, tree, data), Object.class);
    }

    private JsonNode fill(String input, JsonNode node, Map<String, Object> data) {
        if (node.isTextual()) {
            return MAPPER.getNodeFactory().textNode(text(input, node.asText(), data));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = MAPPER.createObjectNode();
            object.fields().forEachRemaining(f -> out.set(f.getKey(), fill(input, f.getValue(), data)));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = MAPPER.createArrayNode();
            array.forEach(item -> out.add(fill(input, item, data)));
            return out;
        }
        return node;
    }

    /** Where the record can be opened, for the link in a message. */
    String link(String appId, String entity, String id) {
        return config.recordLink().replace("{app}", encode(appId)).replace("{entity}", encode(entity))
                .replace("{id}", encode(id));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A record as templates see it: every entity field (null when unset) plus id, createdBy and link. */
    static Map<String, Object> recordMap(EntityDef entity, String id, Map<String, Object> values, String createdBy,
            String link) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (entity != null) {
            entity.fields().forEach(f -> out.put(f.name(), values.get(f.name())));
        }
        values.forEach(out::putIfAbsent);
        out.putIfAbsent("id", id);
        out.putIfAbsent("createdBy", createdBy);
        out.putIfAbsent("link", link);
        return out;
    }
}
