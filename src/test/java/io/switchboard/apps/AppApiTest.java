package io.switchboard.apps;

import static io.switchboard.testsupport.Api.anonymous;
import static io.switchboard.testsupport.Api.as;
import static io.switchboard.testsupport.Api.createApp;
import static io.switchboard.testsupport.Api.editor;
import static io.switchboard.testsupport.Api.member;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.Api;

@QuarkusTest
class AppApiTest {

    @Test
    void create_validApp_isStoredWithCreatorAsEditor() {
        String appId = createApp(Api.TASKS_APP);

        editor().get("/api/apps/" + appId).then().statusCode(200)
                .body("name", equalTo("Tasks"))
                .body("plan", equalTo("builder"))
                .body("timezone", equalTo("Europe/Paris"))
                .body("entities[0].name", equalTo("Todo"))
                .body("entities[0].fields[1].type", equalTo("date"))
                .body("pages", equalTo(List.of("Dashboard", "My tasks")));
        editor().get("/api/apps/" + appId + "/members").then().statusCode(200)
                .body("find { it.user == 'editor' }.role", equalTo("editor"));
        editor().get("/api/apps").then().statusCode(200).body("id", hasItem(appId));
    }

    @Test
    void list_showsOnlyAppsTheCallerBelongsTo() {
        String appId = createApp(Api.TASKS_APP);
        member().get("/api/apps").then().statusCode(200).body("id", not(hasItem(appId)));
    }

    @Test
    void addMember_byEditor_letsThatUserRead() {
        String appId = Api.createTasksAppWithMember();
        member().get("/api/apps/" + appId).then().statusCode(200).body("id", equalTo(appId));
        member().get("/api/apps").then().body("id", hasItem(appId));
    }

    @Test
    void addMember_byAppUser_isForbidden() {
        String appId = Api.createTasksAppWithMember();
        member().body(Map.of("user", "mallory", "role", "editor")).post("/api/apps/" + appId + "/members").then()
                .statusCode(403).body("error", containsString("editor"));
        editor().get("/api/apps/" + appId + "/members").then().body("user", not(hasItem("mallory")));
    }

    @Test
    void outsider_cannotSeeApp() {
        String appId = createApp(Api.TASKS_APP);
        member().get("/api/apps/" + appId).then().statusCode(403).body("error", containsString("not a member"));
        member().get("/api/apps/" + appId + "/entities/Todo/records").then().statusCode(403);
    }

    @Test
    void anonymous_isUnauthorized() {
        anonymous().get("/api/apps").then().statusCode(401).header("WWW-Authenticate", containsString("Basic"))
                .body("error", containsString("Sign in"));
        anonymous().body(Api.TASKS_APP).post("/api/apps").then().statusCode(401).body("error", containsString("Sign in"));
    }

    @Test
    void wrongPassword_isUnauthorized() {
        io.restassured.RestAssured.given().auth().preemptive().basic("editor", "nope").get("/api/apps").then()
                .statusCode(401).header("WWW-Authenticate", containsString("Basic"))
                .body("error", containsString("not accepted"));
    }

    @Test
    void unknownApp_isNotFound() {
        editor().get("/api/apps/does-not-exist").then().statusCode(404).body("error", containsString("No app"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing name          | {"plan":"builder"}                                                        | name
            blank name            | {"name":"  ","plan":"builder"}                                            | name
            unknown plan          | {"name":"A","plan":"gold"}                                                | Unknown plan 'gold'
            bad time zone         | {"name":"A","plan":"builder","timezone":"Mars/Olympus"}                   | Unknown time zone
            unknown field         | {"name":"A","plan":"builder","colour":"red"}                              | Unknown field 'colour'
            bad entity name       | {"name":"A","entities":[{"name":"1 bad","fields":[]}]}                   | Entity names
            duplicate entity      | {"name":"A","entities":[{"name":"Todo","fields":[]},{"name":"todo","fields":[]}]} | declared twice
            unknown field type    | {"name":"A","entities":[{"name":"Todo","fields":[{"name":"x","type":"money"}]}]} | Unknown field type 'money'
            field without type    | {"name":"A","entities":[{"name":"Todo","fields":[{"name":"x"}]}]}        | needs a type
            malformed JSON        | {"name":                                                                  | not valid JSON
            entities not a list   | {"name":"A","entities":"Todo"}                                            | entities
            """)
    void create_badInput_isRejectedWithASentence(String caseName, String body, String message) {
        int before = editor().get("/api/apps").then().extract().jsonPath().getList("id").size();
        editor().body(body).post("/api/apps").then().statusCode(400).body("error", containsString(message));
        editor().get("/api/apps").then().body("size()", equalTo(before));
    }

    @Test
    void create_wrongContentType_isRejected() {
        as("editor").contentType("text/plain").body("name=A").post("/api/apps").then().statusCode(415)
                .body("error", containsString("application/json"));
    }

    @Test
    void addMember_badRole_isRejected() {
        String appId = createApp(Api.TASKS_APP);
        editor().body(Map.of("user", "member", "role", "owner")).post("/api/apps/" + appId + "/members").then()
                .statusCode(400).body("error", containsString("'editor' or 'user'"));
    }
}
