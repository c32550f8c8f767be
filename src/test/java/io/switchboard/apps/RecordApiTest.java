package io.switchboard.apps;

import static io.switchboard.testsupport.Api.editor;
import static io.switchboard.testsupport.Api.member;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.Api;

@QuarkusTest
class RecordApiTest {
    String appId;

    @Inject
    RecordChanges changes;

    @BeforeEach
    void createApp() {
        appId = Api.createTasksAppWithMember();
    }

    String records() {
        return "/api/apps/" + appId + "/entities/Todo/records";
    }

    @Test
    void crud_roundTrip_publishesEachChange() throws InterruptedException {
        String id = member().body(Map.of("title", "Buy milk", "due", "2026-12-01", "done", false)).post(records())
                .then().statusCode(201)
                .body("entity", equalTo("Todo"))
                .body("data.title", equalTo("Buy milk"))
                .body("createdBy", equalTo("member"))
                .extract().path("id");

        member().get(records()).then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id));
        editor().body(Map.of("done", true)).patch(records() + "/" + id).then().statusCode(200)
                .body("data.done", equalTo(true)).body("data.title", equalTo("Buy milk"));
        editor().body(Map.of("title", "Buy oat milk")).put(records() + "/" + id).then().statusCode(200)
                .body("data.title", equalTo("Buy oat milk")).body("data.done", equalTo(null));
        editor().get(records() + "/" + id).then().statusCode(200).body("data.title", equalTo("Buy oat milk"));
        editor().delete(records() + "/" + id).then().statusCode(204);
        editor().get(records() + "/" + id).then().statusCode(404);

        List<String> kinds = changes.kindsOf(id, 4);
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED", "DELETED"), kinds);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown field      | {"title":"a","colour":"red"}    | Unknown field 'colour'
            string as number   | {"title":42}                    | 'Todo.title' must be a string
            bad date           | {"due":"tomorrow"}              | a date like
            boolean as string  | {"done":"yes"}                  | true or false
            malformed JSON     | {"title":                       | not valid JSON
            array body         | ["a"]                           | shape
            """)
    void create_badRecord_isRejectedAndNothingStored(String caseName, String body, String message) {
        editor().body(body).post(records()).then().statusCode(400).body("error", containsString(message));
        editor().get(records()).then().body("$", hasSize(0));
    }

    @Test
    void update_badRecord_keepsStoredValues() {
        String id = editor().body(Map.of("title", "Keep me")).post(records()).then().statusCode(201).extract().path("id");
        editor().body(Map.of("title", 7)).patch(records() + "/" + id).then().statusCode(400);
        editor().get(records() + "/" + id).then().body("data.title", equalTo("Keep me"));
    }

    @Test
    void unknownEntity_isRejectedNamingTheKnownOnes() {
        editor().body(Map.of("title", "x")).post("/api/apps/" + appId + "/entities/Invoice/records").then()
                .statusCode(400).body("error", containsString("has no entity 'Invoice'"))
                .body("error", containsString("Todo"));
    }

    @Test
    void oversizedRecord_isRejected() {
        editor().body(Map.of("title", "x".repeat(70_000))).post(records()).then().statusCode(400)
                .body("error", containsString("64 KiB"));
    }

    /** Hears the record changes that committed, beside the flows feature, as the broker's publisher does. */
    @ApplicationScoped
    static class RecordChanges {
        private final List<RecordChange> seen = new CopyOnWriteArrayList<>();

        void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChange change) {
            seen.add(change);
        }

        List<String> kindsOf(String recordId, int expected) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            List<String> kinds = List.of();
            while (System.nanoTime() < deadline) {
                kinds = seen.stream().filter(c -> c.recordId().equals(recordId)).map(c -> c.kind().name()).toList();
                if (kinds.size() >= expected) {
                    break;
                }
                Thread.sleep(20);
            }
            return kinds;
        }
    }
}
