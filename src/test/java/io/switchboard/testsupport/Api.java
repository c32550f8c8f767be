package io.switchboard.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured entry points as each kind of caller. */
public final class Api {
    public static final Map<String, Object> TASKS_APP = Map.of(
            "name", "Tasks", "plan", "builder", "timezone", "Europe/Paris",
            "entities", java.util.List.of(Map.of("name", "Todo", "fields", java.util.List.of(
                    Map.of("name", "title", "type", "string"),
                    Map.of("name", "due", "type", "date"),
                    Map.of("name", "done", "type", "boolean")))),
            "pages", java.util.List.of("Dashboard", "My tasks"));

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    public static RequestSpecification editor() {
        return as("editor");
    }

    public static RequestSpecification member() {
        return as("member");
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** Creates an app as the editor and returns its id. */
    public static String createApp(Map<String, Object> app) {
        return editor().body(app).post("/api/apps").then().statusCode(201).extract().path("id");
    }

    /** Creates the Tasks app with {@code member} as an app user. */
    public static String createTasksAppWithMember() {
        String appId = createApp(TASKS_APP);
        editor().body(Map.of("user", "member", "role", "user")).post("/api/apps/" + appId + "/members").then()
                .statusCode(201);
        return appId;
    }
}
