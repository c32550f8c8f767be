package io.switchboard.agent;

import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Our own evaluation set (src/test/resources/planner), run through the real plan endpoint with the offline model.
 * Prints every miss; fails below a 98% pass rate.
 */
@QuarkusTest
class PlannerEvalTest {
    static final double PASS_RATE = 0.98;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void evaluationSet_passesAtLeast98Percent() throws IOException {
        JsonNode apps = json.readTree(resource("/planner/apps.json"));
        Map<String, String> appIds = new HashMap<>();
        apps.fields().forEachRemaining(app -> appIds.put(app.getKey(),
                editor().body(app.getValue().toString()).post("/api/apps").then().statusCode(201).extract().path("id")));

        List<String> failures = new ArrayList<>();
        int total = 0;
        for (String line : resource("/planner/cases.jsonl").lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode c = json.readTree(line);
            total++;
            String body = json.writeValueAsString(Map.of("prompt", c.path("prompt").asText()));
            JsonNode plan = json.readTree(editor().body(body).post("/api/apps/" + appIds.get(c.path("app").asText())
                    + "/plan").then().statusCode(200).extract().asString());
            List<String> problems = PlanExpectations.problems(c.path("expect"), plan);
            if (!problems.isEmpty()) {
                failures.add(c.path("id").asText() + " " + c.path("prompt").asText() + "\n      " + problems);
            }
        }
        double rate = (double) (total - failures.size()) / total;
        System.out.printf("planner eval: %d passed, %d failed (%.1f%%)%n", total - failures.size(), failures.size(),
                100 * rate);
        failures.forEach(f -> System.out.println("  MISS " + f));
        assertThat(rate).isGreaterThanOrEqualTo(PASS_RATE);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PlannerEvalTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
