package io.switchboard.security;

import static io.switchboard.testsupport.Api.editor;
import static io.switchboard.testsupport.Api.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.switchboard.testsupport.Api;

/** One user over the model-call limit gets 429 with Retry-After; other users and other endpoints are not affected. */
@QuarkusTest
@Tag("own-jvm")
@TestProfile(RateLimitTest.LowLimit.class)
class RateLimitTest {
    static final int LIMIT = 3;

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.rate-limit.model-calls", String.valueOf(LIMIT), "switchboard.rate-limit.window",
                    "10M");
        }
    }

    static final Map<String, String> PROMPT = Map.of("prompt", "Send me a daily email with my to-do list using Gmail.");

    @Test
    void planAndChat_overTheLimit_answer429WithRetryAfter_perUser() {
        String appId = Api.createTasksAppWithMember();
        String cid = member().post("/api/apps/" + appId + "/conversations").then().statusCode(201).extract().path("id");

        for (int i = 0; i < LIMIT - 1; i++) {
            member().body(PROMPT).post("/api/apps/" + appId + "/plan").then().statusCode(200);
        }
        member().body(Map.of("text", "Post to Slack when a todo is created.")).post("/api/apps/" + appId
                + "/conversations/" + cid + "/messages").then().statusCode(200);

        Response refused = member().body(PROMPT).post("/api/apps/" + appId + "/plan");
        refused.then().statusCode(429).body("error", containsString("wait"));
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 600L);
        member().body(Map.of("text", "hello")).post("/api/apps/" + appId + "/conversations/" + cid + "/messages").then()
                .statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", containsString("planner"));

        // the limit is the member's alone, and covers only the model: reads and other users go on
        member().get("/api/apps/" + appId + "/conversations/" + cid).then().statusCode(200);
        editor().body(PROMPT).post("/api/apps/" + appId + "/plan").then().statusCode(200);
    }
}
