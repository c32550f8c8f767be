package io.switchboard.agent.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.switchboard.agent.PlanningTools;

/**
 * A chat model that runs in the JVM with no network. Like a hosted model it reads the conversation and the tools on
 * offer and answers with tool calls, then a short sentence: first it asks for the app ({@code describe_app}), then it
 * calls one decision tool with what {@link RequestAnalyzer} understood, then it reports the outcome.
 */
public class OfflineChatModel implements ChatModel {
    private final RequestAnalyzer analyzer;
    private final ObjectMapper json = new ObjectMapper();

    public OfflineChatModel(RequestAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        int lastUser = -1;
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage) {
                lastUser = i;
                break;
            }
        }
        if (lastUser < 0) {
            return text("What would you like to automate?");
        }
        String userText = withClarifiedRequest(messages, lastUser);
        Map<String, String> results = new LinkedHashMap<>();
        for (ChatMessage m : messages.subList(lastUser + 1, messages.size())) {
            if (m instanceof ToolExecutionResultMessage r) {
                results.put(r.toolName(), r.text());
            }
        }
        List<String> offered = request.toolSpecifications() == null ? List.of()
                : request.toolSpecifications().stream().map(ToolSpecification::name).toList();
        if (!offered.contains(PlanningTools.DESCRIBE_APP)) {
            return text("I can only plan automations when the planning tools are available.");
        }
        if (!results.containsKey(PlanningTools.DESCRIBE_APP)) {
            return call(PlanningTools.DESCRIBE_APP, Map.of());
        }
        String proposal = results.get(PlanningTools.PROPOSE_PLAN);
        if (proposal != null && proposal.startsWith("rejected")) {
            if (!results.containsKey(PlanningTools.ASK_CLARIFICATION)) {
                return call(PlanningTools.ASK_CLARIFICATION, Map.of("question",
                        "I need a detail before I can set this up (" + proposal.substring("rejected: ".length())
                                + "). Can you say which tool and which records you mean?",
                        "options", List.of()));
            }
        }
        if (results.containsKey(PlanningTools.PROPOSE_PLAN) || results.containsKey(PlanningTools.ASK_CLARIFICATION)
                || results.containsKey(PlanningTools.REPORT_UNSUPPORTED)) {
            return text(proposal != null && proposal.startsWith("accepted: ") ? proposal.substring(10) : "Done.");
        }
        Decision decision = analyzer.analyze(userText, app(results.get(PlanningTools.DESCRIBE_APP)));
        if (decision instanceof Decision.Propose p) {
            return call(PlanningTools.PROPOSE_PLAN, proposeArguments(p));
        }
        if (decision instanceof Decision.Clarify c) {
            return call(PlanningTools.ASK_CLARIFICATION, Map.of("question", c.question(), "options", c.options()));
        }
        return call(PlanningTools.REPORT_UNSUPPORTED, Map.of("reason", ((Decision.Unsupported) decision).reason()));
    }

    /**
     * An answer to a clarifying question ("Slack", "the tickets") completes the earlier request, as a person reads it.
     */
    private static String withClarifiedRequest(List<ChatMessage> messages, int lastUser) {
        String answer = ((UserMessage) messages.get(lastUser)).singleText();
        for (int i = lastUser - 1; i >= 0; i--) {
            if (messages.get(i) instanceof AiMessage ai && ai.hasToolExecutionRequests()
                    && ai.toolExecutionRequests().stream().anyMatch(t -> t.name().equals(PlanningTools.ASK_CLARIFICATION))) {
                for (int j = i - 1; j >= 0; j--) {
                    if (messages.get(j) instanceof UserMessage earlier) {
                        return earlier.singleText() + " " + answer;
                    }
                }
            }
            if (messages.get(i) instanceof UserMessage) {
                break;
            }
        }
        return answer;
    }

    private static Map<String, Object> proposeArguments(Decision.Propose p) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("connector", p.connector());
        args.put("action", p.action());
        args.put("trigger_type", p.triggerType());
        if (p.cron() != null) {
            args.put("cron", p.cron());
            args.put("timezone", p.timezone());
        }
        if (p.entity() != null) {
            args.put("entity", p.entity());
        }
        if (p.event() != null) {
            args.put("event", p.event());
        }
        args.put("filter", p.filter());
        args.put("inputs", p.inputs());
        return args;
    }

    private RequestAnalyzer.App app(String describeApp) {
        try {
            JsonNode app = json.readTree(describeApp);
            List<EntityInfo> entities = new ArrayList<>();
            for (JsonNode e : app.path("entities")) {
                List<EntityInfo.Field> fields = new ArrayList<>();
                for (JsonNode f : e.path("fields")) {
                    fields.add(new EntityInfo.Field(f.path("name").asText(), f.path("type").asText()));
                }
                entities.add(new EntityInfo(e.path("name").asText(), fields));
            }
            return new RequestAnalyzer.App(app.path("timezone").asText("UTC"), entities);
        } catch (JsonProcessingException e) {
            return new RequestAnalyzer.App("UTC", List.of());
        }
    }

    private ChatResponse call(String tool, Map<String, ?> arguments) {
        try {
            ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_" + tool).name(tool)
                    .arguments(json.writeValueAsString(arguments)).build();
            return ChatResponse.builder().aiMessage(AiMessage.from(call)).finishReason(FinishReason.TOOL_EXECUTION)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChatResponse text(String text) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(FinishReason.STOP).build();
    }
}
