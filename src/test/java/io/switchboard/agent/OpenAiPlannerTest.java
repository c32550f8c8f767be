package io.switchboard.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.switchboard.testsupport.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.switchboard.testsupport.Api;

/**
 * The planner against an OpenAI-compatible endpoint: WireMock answers {@code /v1/chat/completions} with real
 * chat-completions JSON (tool calls, then a text answer), scripted as a scenario, and its journal shows what the
 * service sent.
 */
@QuarkusTest
@Tag("own-jvm")
@TestProfile(OpenAiPlannerTest.OpenAiModel.class)
class OpenAiPlannerTest {
    static final String KEY = "sk-test-planner-key";
    static final String MODEL = "gpt-4o-mini-2024-07-18";
    static final String COMPLETIONS = "/v1/chat/completions";
    static final String GMAIL_SEND = "https://www.googleapis.com/auth/gmail.send";
    static final String PROMPT = "Send me a daily email with my to-do list using Gmail.";
    static final ObjectMapper JSON = new ObjectMapper();

    public static class OpenAiModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.agent.model", "openai", "switchboard.agent.api-key", KEY,
                    "switchboard.agent.model-name", MODEL, "switchboard.agent.timeout", "2S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ModelEndpoint.class));
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface InjectModelEndpoint {
    }

    /** The OpenAI-compatible API on WireMock, started before Quarkus so its URL is the configured base URL. */
    public static class ModelEndpoint implements QuarkusTestResourceLifecycleManager {
        private WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            return Map.of("switchboard.agent.base-url", server.baseUrl() + "/v1");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectModelEndpoint.class,
                    WireMockServer.class));
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    @InjectModelEndpoint
    WireMockServer model;
    String appId;

    @BeforeEach
    void app() {
        model.resetAll();
        appId = Api.createApp(Api.TASKS_APP);
    }

    @Test
    void plan_modelProposesGmailPlan_readyWithCatalogScopesAndExactRequests() throws IOException {
        script(toolCall("call_plan_1", "propose_plan", Map.of("connector", "gmail", "action", "gmail.send_email",
                "trigger_type", "schedule", "cron", "0 0 8 * * ?", "entity", "Todo",
                "inputs", "{\"to\":\"{user.email}\"}")), answer("I planned a daily Gmail email of your Todo records."));

        plan(PROMPT).statusCode(200)
                .body("status", is("ready"))
                .body("connector", is("gmail"))
                .body("action", is("gmail.send_email"))
                .body("scopes", contains(GMAIL_SEND))
                .body("trigger.type", is("schedule"))
                .body("trigger.cron", is("0 0 8 * * ?"))
                .body("trigger.timezone", is("Europe/Paris"))
                .body("source.entity", is("Todo"))
                .body("inputs.to", is("{user.email}"));

        model.verify(2, postRequestedFor(urlPathEqualTo(COMPLETIONS))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL)))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user"))));
        List<JsonNode> sent = sentBodies();
        JsonNode first = sent.get(0);
        assertThat(first.path("temperature").isNumber()).isTrue();
        assertThat(first.path("temperature").asDouble()).isZero();
        assertThat(names(first.path("tools"))).containsExactlyInAnyOrderElementsOf(toolNamesInPromptsFile());
        first.path("tools").forEach(tool -> assertThat(tool.path("type").asText()).isEqualTo("function"));
        assertThat(first.path("messages").get(0).path("content").asText().strip())
                .isEqualTo(Files.readString(Path.of("prompts/planner.system.md")).strip());
        assertThat(first.path("messages").get(1).path("content").asText()).isEqualTo(PROMPT);
        assertThat(first.path("messages")).hasSize(2);

        JsonNode messages = sent.get(1).path("messages");
        assertThat(messages).hasSize(4);
        JsonNode call = messages.get(2).path("tool_calls").get(0);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(call.path("id").asText()).isEqualTo("call_plan_1");
        assertThat(call.path("function").path("name").asText()).isEqualTo("propose_plan");
        JsonNode result = messages.get(3);
        assertThat(result.path("role").asText()).isEqualTo("tool");
        assertThat(result.path("tool_call_id").asText()).isEqualTo("call_plan_1");
        assertThat(result.path("content").asText()).startsWith("accepted: Send email with Gmail");
        model.verify(postRequestedFor(urlPathEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$.messages[3]",
                equalToJson("{\"role\":\"tool\",\"tool_call_id\":\"call_plan_1\",\"content\":\"${json-unit.any-string}\"}"))));
    }

    @Test
    void plan_modelArgumentsAskForMoreScopes_scopesOnlyFromCatalog() {
        script(toolCall("call_wide", "propose_plan", Map.of("connector", "gmail", "action", "gmail.send_email",
                "trigger_type", "manual", "entity", "Todo", "inputs", "{\"to\":\"{user.email}\"}",
                "scopes", "https://mail.google.com/ https://www.googleapis.com/auth/gmail.readonly")),
                answer("Done."));

        plan("Email my to-do list with Gmail when I click; also grant full mailbox access https://mail.google.com/")
                .statusCode(200)
                .body("status", is("ready"))
                .body("scopes", contains(GMAIL_SEND));
    }

    @Test
    void plan_actionOfAnotherConnector_rejectedThenCorrectedPlanIsReady() throws IOException {
        script(toolCall("call_mixed", "propose_plan", Map.of("connector", "gmail", "action",
                "slack_bot.post_message", "trigger_type", "manual", "entity", "Todo")),
                toolCall("call_fixed", "propose_plan", Map.of("connector", "gmail", "action", "gmail.send_email",
                        "trigger_type", "manual", "entity", "Todo", "inputs", "{\"to\":\"{user.email}\"}")),
                answer("Fixed the plan."));

        plan("Email my to-do list with Gmail when I click.").statusCode(200)
                .body("status", is("ready"))
                .body("action", is("gmail.send_email"))
                .body("scopes", contains(GMAIL_SEND));

        JsonNode rejection = sentBodies().get(1).path("messages").get(3);
        assertThat(rejection.path("tool_call_id").asText()).isEqualTo("call_mixed");
        assertThat(rejection.path("content").asText()).startsWith("rejected: ").contains("slack_bot.post_message");
    }

    @Test
    void plan_unknownConnectorTwice_retriedOnceThenNeedsClarification() throws IOException {
        Map<String, String> trello = Map.of("connector", "trello", "action", "trello.create_card",
                "trigger_type", "entity_event", "entity", "Todo", "event", "created");
        script(toolCall("call_try_1", "propose_plan", trello), toolCall("call_try_2", "propose_plan", trello),
                toolCall("call_try_3", "propose_plan", Map.of("connector", "gmail", "action", "gmail.send_email",
                        "trigger_type", "manual", "entity", "Todo")),
                answer("I could not make that plan."));

        plan("Make a Trello card for every new todo.").statusCode(200)
                .body("status", is("needs_clarification"))
                .body("question", not(emptyOrNullString()))
                .body("connector", nullValue());

        List<JsonNode> sent = sentBodies();
        assertThat(sent.get(1).path("messages").get(3).path("content").asText()).startsWith("rejected: ");
        assertThat(sent.get(2).path("messages").get(5).path("content").asText()).startsWith("rejected: ");
        assertThat(sent).hasSize(4);
        assertThat(sent.get(3).path("messages").get(7).path("content").asText())
                .as("a third proposal, even a valid one, no longer counts").startsWith("rejected: ");
    }

    @Test
    void plan_endpointAnswers500_clear503WithoutStackTrace() {
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}")));

        plan(PROMPT).statusCode(503)
                .body("error", containsString("model"))
                .body("error", not(containsString("Exception")));
        assertThat(model.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)))).as("LangChain4j's two retries")
                .hasSize(3);
    }

    @Test
    void plan_endpointTimesOut_clear503() {
        model.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(answer("late").withFixedDelay(4000)));

        plan(PROMPT).statusCode(503)
                .body("error", containsString("model"))
                .body("error", not(containsString("Exception")));
        assertThat(model.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)))).as("LangChain4j's two retries")
                .hasSize(3);
    }

    private ValidatableResponse plan(String prompt) {
        return editor().body(Map.of("prompt", prompt)).post("/api/apps/" + appId + "/plan").then();
    }

    /** Each model reply answers one request, in order, as the scenario's states. */
    private void script(ResponseDefinitionBuilder... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = "reply " + (i + 1);
            model.stubFor(post(urlPathEqualTo(COMPLETIONS)).inScenario("planner").whenScenarioStateIs(state)
                    .willReturn(replies[i]).willSetStateTo(next));
            state = next;
        }
    }

    private static ResponseDefinitionBuilder toolCall(String id, String tool,
            Map<String, String> arguments) {
        try {
            Map<String, Object> call = Map.of("id", id, "type", "function", "function",
                    Map.of("name", tool, "arguments", JSON.writeValueAsString(arguments)));
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "assistant");
            message.put("content", null);
            message.put("tool_calls", List.of(call));
            return okJson(completion(message, "tool_calls"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinitionBuilder answer(String text) {
        return okJson(completion(Map.of("role", "assistant", "content", text), "stop"));
    }

    private static String completion(Map<String, Object> message, String finishReason) {
        try {
            return JSON.writeValueAsString(Map.of("id", "chatcmpl-9x2Test", "object", "chat.completion",
                    "created", 1733083200, "model", MODEL, "system_fingerprint", "fp_0ba0d124f1",
                    "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finishReason)),
                    "usage", Map.of("prompt_tokens", 812, "completion_tokens", 41, "total_tokens", 853)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> sentBodies() throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : model.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS)))) {
            bodies.add(JSON.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    private static List<String> names(JsonNode tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.path("function").path("name").asText()));
        return names;
    }

    private static List<String> toolNamesInPromptsFile() throws IOException {
        return Files.readAllLines(Path.of("prompts/tools.md")).stream().filter(line -> line.startsWith("## "))
                .map(line -> line.substring(3).strip()).toList();
    }
}
