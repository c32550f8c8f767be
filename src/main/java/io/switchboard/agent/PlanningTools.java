package io.switchboard.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderResult;
import io.switchboard.agent.offline.ActionIndex;
import io.switchboard.apps.AppView;
import io.switchboard.catalog.Catalog;

/**
 * The planner's tools: thin wrappers over read-only services, described for the model by {@code prompts/tools.md}.
 * Every answer is checked here; nothing the model sends reaches a plan unchecked.
 */
@ApplicationScoped
public class PlanningTools implements ToolProvider {
    public static final String DESCRIBE_APP = "describe_app";
    public static final String FIND_ACTIONS = "find_actions";
    public static final String PROPOSE_PLAN = "propose_plan";
    public static final String ASK_CLARIFICATION = "ask_clarification";
    public static final String REPORT_UNSUPPORTED = "report_unsupported";
    static final int MAX_REJECTIONS = 2;

    private final ObjectMapper json = new ObjectMapper();
    private final ToolProviderResult tools;

    @Inject
    PlanningSessions sessions;
    @Inject
    PlanValidator validator;
    @Inject
    ActionIndex index;
    @Inject
    Catalog catalog;

    /** Lets {@code @RegisterAiService} reach this bean. */
    @ApplicationScoped
    public static class Provider implements Supplier<ToolProvider> {
        @Inject
        PlanningTools tools;

        @Override
        public ToolProvider get() {
            return tools;
        }
    }

    public PlanningTools() {
        ToolDescriptions text = ToolDescriptions.load();
        tools = ToolProviderResult.builder()
                .add(spec(DESCRIBE_APP, text.require(DESCRIBE_APP), Map.of()), this::describeApp)
                .add(spec(FIND_ACTIONS, text.require(FIND_ACTIONS, "request"), Map.of("request", string())),
                        this::findActions)
                .add(spec(PROPOSE_PLAN, text.require(PROPOSE_PLAN, "connector", "action", "trigger_type", "cron",
                        "timezone", "entity", "event", "filter", "inputs"), proposeParameters()), this::proposePlan)
                .add(spec(ASK_CLARIFICATION, text.require(ASK_CLARIFICATION, "question", "options"),
                        Map.of("question", string(), "options", JsonArraySchema.builder().items(string()).build())),
                        this::askClarification)
                .add(spec(REPORT_UNSUPPORTED, text.require(REPORT_UNSUPPORTED, "reason"), Map.of("reason", string())),
                        this::reportUnsupported)
                .build();
    }

    @Override
    public ToolProviderResult provideTools(dev.langchain4j.service.tool.ToolProviderRequest request) {
        return tools;
    }

    String describeApp(ToolExecutionRequest request, Object memoryId) {
        AppView app = sessions.get(memoryId).app;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", app.name());
        view.put("timezone", app.timezone());
        view.put("pages", app.pages());
        view.put("entities", app.entities());
        return write(view);
    }

    String findActions(ToolExecutionRequest request, Object memoryId) {
        String text = arguments(request).path("request").asText("");
        return write(index.rank(text).stream().limit(8).map(m -> Map.of(
                "connector", m.action().connectorId(), "action", m.action().id(), "name", m.action().name(),
                "description", m.action().description())).toList());
    }

    String proposePlan(ToolExecutionRequest request, Object memoryId) {
        PlanningSessions.Session session = sessions.get(memoryId);
        if (session.rejections >= MAX_REJECTIONS) {
            return "rejected: the plan was already rejected " + MAX_REJECTIONS + " times; the person is asked instead.";
        }
        JsonNode args = arguments(request);
        PlanDraft draft = new PlanDraft(text(args, "connector"), text(args, "action"), text(args, "trigger_type"),
                text(args, "cron"), text(args, "timezone"), text(args, "entity"), text(args, "event"),
                stringMap(args.get("filter")), stringMap(args.get("inputs")));
        PlanValidator.Outcome outcome = validator.check(draft, session.app);
        if (outcome instanceof PlanValidator.Accepted accepted) {
            session.outcome = accepted.plan();
            return "accepted: " + accepted.plan().summary();
        }
        session.rejections++;
        String problem = ((PlanValidator.Rejected) outcome).problem();
        if (session.rejections >= MAX_REJECTIONS) {
            session.outcome = Plan.clarification("I could not settle the details (" + problem + "). Can you say more"
                    + " precisely which tool and which records you mean?", List.of());
        }
        return "rejected: " + problem;
    }

    String askClarification(ToolExecutionRequest request, Object memoryId) {
        JsonNode args = arguments(request);
        List<String> options = new java.util.ArrayList<>();
        args.path("options").forEach(o -> options.add(o.asText()));
        String question = text(args, "question");
        sessions.get(memoryId).outcome = Plan.clarification(
                question == null || question.isBlank() ? "Can you tell me more about what you want?" : question,
                options.stream().limit(10).toList());
        return "asked";
    }

    String reportUnsupported(ToolExecutionRequest request, Object memoryId) {
        String reason = text(arguments(request), "reason");
        sessions.get(memoryId).outcome = Plan.unsupported(
                reason == null || reason.isBlank() ? "Switchboard cannot do this with the tools it connects to." : reason);
        return "reported";
    }

    private JsonNode arguments(ToolExecutionRequest request) {
        try {
            String raw = request.arguments();
            return raw == null || raw.isBlank() ? json.createObjectNode() : json.readTree(raw);
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode args, String field) {
        JsonNode value = args.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Accepts an object or a JSON string holding one, as models send either. */
    private Map<String, String> stringMap(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        try {
            JsonNode object = node.isTextual() ? json.readTree(node.asText()) : node;
            if (!object.isObject()) {
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                    : e.getValue().toString()));
            return out;
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonStringSchema string() {
        return JsonStringSchema.builder().build();
    }

    private static Map<String, dev.langchain4j.model.chat.request.json.JsonSchemaElement> proposeParameters() {
        Map<String, dev.langchain4j.model.chat.request.json.JsonSchemaElement> p = new LinkedHashMap<>();
        for (String name : List.of("connector", "action", "trigger_type", "cron", "timezone", "entity", "event",
                "filter", "inputs")) {
            p.put(name, string());
        }
        return p;
    }

    private static ToolSpecification spec(String name, ToolDescriptions.Tool text,
            Map<String, dev.langchain4j.model.chat.request.json.JsonSchemaElement> parameters) {
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
        parameters.forEach((param, type) -> schema.addProperty(param, describe(type, text.parameters().get(param))));
        return ToolSpecification.builder().name(name).description(text.description()).parameters(schema.build()).build();
    }

    private static dev.langchain4j.model.chat.request.json.JsonSchemaElement describe(
            dev.langchain4j.model.chat.request.json.JsonSchemaElement type, String description) {
        if (type instanceof JsonArraySchema array) {
            return JsonArraySchema.builder().items(array.items()).description(description).build();
        }
        return JsonStringSchema.builder().description(description).build();
    }

}
