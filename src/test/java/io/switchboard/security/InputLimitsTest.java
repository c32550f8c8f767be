package io.switchboard.security;

import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.testsupport.Api;

/** Each limit and each kind of bad input answers 4xx with a sentence saying what to change, and changes nothing. */
@QuarkusTest
class InputLimitsTest {
    static final Map<String, Object> NOTES_APP = Map.of("name", "Notes", "plan", "builder", "timezone", "UTC",
            "entities", List.of(Map.of("name", "Note", "fields", List.of(Map.of("name", "title", "type", "string"),
                    Map.of("name", "body", "type", "text"), Map.of("name", "extra", "type", "text"),
                    Map.of("name", "count", "type", "number")))));

    String appId;
    String records;
    String noteId;

    @BeforeEach
    void app() {
        appId = Api.createApp(NOTES_APP);
        records = "/api/apps/" + appId + "/entities/Note/records";
        noteId = Api.addRecord("editor", appId, "Note", Map.of("title", "kept", "body", "x".repeat(40_000)));
    }

    String stored() {
        return editor().get(records).then().statusCode(200).extract().asString();
    }

    void refused(Response response, int status, String sentence, String before) {
        response.then().statusCode(status).body("error", containsString(sentence));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void prompt_over2000Characters_is400() {
        editor().body(Map.of("prompt", "a".repeat(2001))).post("/api/apps/" + appId + "/plan").then().statusCode(400)
                .body("error", containsString("2000"));
        editor().body(Map.of("prompt", "Send me my notes by Gmail daily. " + "a".repeat(1960)))
                .post("/api/apps/" + appId + "/plan").then().statusCode(200);
        String cid = editor().post("/api/apps/" + appId + "/conversations").then().statusCode(201).extract().path("id");
        editor().body(Map.of("text", "a".repeat(2001))).post("/api/apps/" + appId + "/conversations/" + cid + "/messages")
                .then().statusCode(400).body("error", containsString("2000"));
        editor().body(Map.of("prompt", " ")).post("/api/apps/" + appId + "/plan").then().statusCode(400)
                .body("error", containsString("empty"));
    }

    @Test
    void record_over64KiB_isRefused_alsoWhenAPatchWouldMakeItSo() {
        String before = stored();
        refused(editor().body(Map.of("body", "y".repeat(70_000))).post(records), 400, "64 KiB", before);
        refused(editor().body(Map.of("body", "y".repeat(70_000))).put(records + "/" + noteId), 400, "64 KiB", before);
        // 40 000 characters kept + 30 000 patched in: each part is small, the record would not be
        refused(editor().body(Map.of("extra", "z".repeat(30_000))).patch(records + "/" + noteId), 400, "64 KiB", before);
    }

    @Test
    void unknownFields_wrongTypes_andMalformedJson_are400_andChangeNothing() {
        String before = stored();
        refused(editor().body(Map.of("colour", "red")).post(records), 400, "Unknown field 'colour'", before);
        refused(editor().body(Map.of("count", "three")).patch(records + "/" + noteId), 400, "must be a number", before);
        refused(editor().body("{\"title\": \"unfinished").post(records), 400, "not valid JSON", before);
        refused(editor().body("[1, 2]").put(records + "/" + noteId), 400, "JSON object", before);
        refused(editor().body(Map.of("prompt", "hi", "scopes", List.of("https://mail.google.com/")))
                .post("/api/apps/" + appId + "/plan"), 400, "Unknown field 'scopes'", before);
    }

    @Test
    void wrongContentType_is415WithASentence() {
        String before = stored();
        refused(editor().contentType("text/plain").body("title=hi").post(records), 415, "application/json", before);
        refused(editor().contentType("application/xml").body("<prompt>hi</prompt>").post("/api/apps/" + appId + "/plan"),
                415, "application/json", before);
    }

    @Test
    void badNamesAndTypes_inAnApp_are400() {
        Map<String, Object> badEntity = Map.of("name", "X", "plan", "builder", "entities",
                List.of(Map.of("name", "1 drop table", "fields", List.of())));
        editor().body(badEntity).post("/api/apps").then().statusCode(400).body("error", containsString("letter"));
        Map<String, Object> badType = Map.of("name", "X", "plan", "builder", "entities",
                List.of(Map.of("name", "Thing", "fields", List.of(Map.of("name", "blob", "type", "binary")))));
        editor().body(badType).post("/api/apps").then().statusCode(400).body("error", org.hamcrest.Matchers.notNullValue());
        editor().body(Map.of("name", "X", "plan", "platinum")).post("/api/apps").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.notNullValue());
        editor().body(Map.of("name", "n".repeat(10_000), "plan", "builder")).post("/api/apps").then().statusCode(400)
                .body("error", containsString("longer"));
    }
}
