package io.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.testsupport.Api;

/**
 * Seeded random bodies (valid ones, mutated ones, broken JSON, wrong content types) against the plan, chat, record and
 * flow endpoints: never a 5xx, every refusal a 4xx with a sentence, and the stored records always exactly what the
 * accepted requests said. jqwik is not in the Maven copy here and its engine would not run inside a @QuarkusTest, so
 * the generator is a plain {@link Random}; the seed is in every failure message ({@code -Dfuzz.seed=...} replays it).
 */
@QuarkusTest
class InputFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 400);
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String[] CONTENT_TYPES = { "application/json", "application/json", "application/json", "text/plain",
            "application/xml", "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1" };

    final Random random = new Random(SEED);
    final Map<String, JsonNode> stored = new HashMap<>();
    final Map<String, Integer> statuses = new TreeMap<>();
    String appId;
    String conversation;

    @Test
    void randomBodies_neverA5xx_andRecordsStayExactlyWhatWasAccepted() throws Exception {
        appId = Api.createTasksAppWithMember();
        conversation = Api.editor().post("/api/apps/" + appId + "/conversations").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 3; i++) {
            JsonNode data = JSON.valueToTree(Map.of("title", "seed " + i, "done", false));
            String id = Api.addRecord("editor", appId, "Todo", JSON.convertValue(data, Map.class));
            stored.put(id, data);
        }
        for (int i = 0; i < REQUESTS; i++) {
            step(i);
        }
        System.out.println("FUZZ seed=" + SEED + " requests=" + REQUESTS + " records=" + stored.size() + " " + statuses);
        assertThat(statuses.keySet()).as("the generator reaches both acceptance and refusal")
                .anyMatch(k -> k.endsWith(" 2xx")).anyMatch(k -> k.endsWith(" 4xx"));
    }

    void step(int i) throws Exception {
        String target = pick("plan", "chat", "create", "replace", "patch", "flow");
        String recordId = stored.isEmpty() ? "none" : new ArrayList<>(stored.keySet()).get(random.nextInt(stored.size()));
        JsonNode valid = switch (target) {
            case "plan" -> object("prompt", NODES.textNode("Send me a daily email with my to-do list using Gmail."));
            case "chat" -> object("text", NODES.textNode("Post to Slack when a todo is created."));
            case "flow" -> JSON.valueToTree(Map.of("connector", "gmail", "action", "gmail.send_email", "trigger",
                    Map.of("type", "schedule", "cron", "0 0 8 * * ?"), "source", Map.of("entity", "Todo"), "inputs",
                    Map.of("to", "{user.email}"), "connectionMode", "shared"));
            default -> object("title", NODES.textNode("todo " + i), "due", NODES.textNode("2026-12-0" + (1 + random.nextInt(9))),
                    "done", NODES.booleanNode(random.nextBoolean()));
        };
        boolean raw = random.nextInt(8) == 0;
        String body = raw ? broken(valid.toString()) : mutate(valid.deepCopy()).toString();
        String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        String path = switch (target) {
            case "plan" -> "/api/apps/" + appId + "/plan";
            case "chat" -> "/api/apps/" + appId + "/conversations/" + conversation + "/messages";
            case "flow" -> "/api/apps/" + appId + "/flows";
            case "create" -> "/api/apps/" + appId + "/entities/Todo/records";
            default -> "/api/apps/" + appId + "/entities/Todo/records/" + recordId;
        };
        String method = switch (target) {
            case "replace" -> "PUT";
            case "patch" -> "PATCH";
            default -> "POST";
        };
        Response response = given().auth().preemptive().basic("editor", "editor").contentType(contentType).body(body)
                .request(method, path);
        String seen = "seed " + SEED + " step " + i + ": " + method + " " + path + " " + contentType + " "
                + abbreviated(body) + " -> " + response.statusCode() + " " + abbreviated(response.asString());
        statuses.merge(target + " " + response.statusCode() / 100 + "xx", 1, Integer::sum);
        assertThat(response.statusCode()).as(seen).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.jsonPath().getString("error")).as(seen).isNotBlank();
        } else if (target.equals("create") || target.equals("replace") || target.equals("patch")) {
            JsonNode sent = JSON.readTree(body);
            String id = target.equals("create") ? response.path("id") : recordId;
            ObjectNode expected = target.equals("patch") ? (ObjectNode) stored.get(id).deepCopy() : NODES.objectNode();
            expected.setAll((ObjectNode) sent);
            stored.put(id, expected);
        }
        assertStoredRecords(seen);
    }

    void assertStoredRecords(String after) throws Exception {
        String listed = Api.editor().get("/api/apps/" + appId + "/entities/Todo/records").then().statusCode(200).extract()
                .asString();
        Map<String, JsonNode> actual = new HashMap<>();
        for (JsonNode record : JSON.readTree(listed)) {
            actual.put(record.get("id").asText(), record.get("data"));
        }
        assertThat(actual).as("records after " + after).isEqualTo(stored);
    }

    /** One random change to a valid body: a field dropped, added, retyped, emptied, blown up or nested. */
    JsonNode mutate(JsonNode body) {
        if (random.nextInt(5) == 0) {
            return body;
        }
        return switch (random.nextInt(4)) {
            case 0 -> randomValue(3);
            case 1 -> {
                ObjectNode object = (ObjectNode) body;
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                object.remove(names.get(random.nextInt(names.size())));
                yield object;
            }
            default -> {
                ObjectNode object = (ObjectNode) body;
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = random.nextInt(4) == 0 ? pick("unknown", "__proto__", "id", "createdBy", "scopes", "")
                        : names.get(random.nextInt(names.size()));
                object.set(name, randomValue(2));
                yield object;
            }
        };
    }

    JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(2001) - 1000);
            case 3 -> NODES.numberNode(random.nextInt(100000) / 8.0);
            case 4 -> NODES.textNode(text(random.nextInt(40)));
            case 5 -> NODES.textNode(pick("2026-12-01", "2026-02-30", "tomorrow", "a@b.co", "", " ", "\u0000",
                    "'; drop table records; --", "{{user.email}}", "<script>alert(1)</script>"));
            case 6 -> NODES.textNode(text(random.nextBoolean() ? 2001 : 70_000));
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(text(1 + random.nextInt(8)), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    /** Not JSON, or not quite. */
    String broken(String json) {
        return switch (random.nextInt(6)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> json + "}";
            case 2 -> "";
            case 3 -> json.replace("\"", "'");
            case 4 -> "[" + json + "]";
            default -> text(20);
        };
    }

    String text(int length) {
        String alphabet = "abcXYZ019 _-.,:;!?\"'\\/{}[]<>@#éß漢😀\n\t";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.toChars(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length()))))));
        }
        return out.toString();
    }

    String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    static ObjectNode object(Object... pairs) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], (JsonNode) pairs[i + 1]);
        }
        return node;
    }

    static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + " chars)" : text;
    }
}
