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

    public static final Map<String, Object> HELPDESK_APP = Map.of(
            "name", "Helpdesk", "plan", "pro", "timezone", "America/New_York",
            "entities", java.util.List.of(Map.of("name", "Ticket", "fields", java.util.List.of(
                    Map.of("name", "subject", "type", "string"),
                    Map.of("name", "priority", "type", "string"),
                    Map.of("name", "status", "type", "string"),
                    Map.of("name", "opened", "type", "date")))),
            "pages", java.util.List.of("Inbox"));

    /** Creates the Tasks app with {@code member} as an app user. */
    public static String createTasksAppWithMember() {
        String appId = createApp(TASKS_APP);
        editor().body(Map.of("user", "member", "role", "user")).post("/api/apps/" + appId + "/members").then()
                .statusCode(201);
        return appId;
    }

    /** Adds a record as {@code user} and returns its id. */
    public static String addRecord(String user, String appId, String entity, Map<String, Object> data) {
        return as(user).body(data).post("/api/apps/" + appId + "/entities/" + entity + "/records").then().statusCode(201)
                .extract().path("id");
    }

    /** Queues a run as the editor and returns its id. */
    public static String runNow(String appId, String flowId) {
        return editor().post("/api/apps/" + appId + "/flows/" + flowId + "/run").then().statusCode(202).extract()
                .path("runId");
    }

    public static java.util.List<Map<String, Object>> runs(String appId, String flowId) {
        return editor().get("/api/apps/" + appId + "/flows/" + flowId + "/runs").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    /** Waits until the run reaches {@code status} and returns it. */
    public static Map<String, Object> awaitRun(String appId, String flowId, String runId, String status) {
        Map<String, Object>[] found = new Map[1];
        Await.until(() -> {
            found[0] = runs(appId, flowId).stream().filter(r -> runId.equals(r.get("id"))).findFirst().orElse(null);
            return found[0] != null && status.equals(found[0].get("status"));
        }, () -> "run " + runId + " to be " + status + "; it is " + found[0]);
        return found[0];
    }

    /** A page as {@code user} signed in through the login form, as a browser is. */
    public static RequestSpecification page(String user) {
        String session = given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", user)
                .formParam("j_password", user).post("/j_security_check").then().statusCode(302).extract()
                .cookie("quarkus-credential");
        return given().cookie("quarkus-credential", session).accept(ContentType.HTML);
    }

    /** What the sandbox providers received, newest first. */
    public static java.util.List<Map<String, Object>> outbox() {
        return editor().get("/sandbox/outbox").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The one call the sandbox received whose id (the run's resultId) or body carries {@code marker}. */
    public static Map<String, Object> sent(String connector, String marker) {
        java.util.List<Map<String, Object>> found = outbox().stream().filter(e -> connector.equals(e.get("connector"))
                && (marker.equals(e.get("id")) || String.valueOf(e.get("body")).contains(marker))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + connector + " call carrying " + marker + ", got " + found);
        }
        return found.get(0);
    }

    public static Map<String, Object> flow(String appId, String flowId) {
        return editor().get("/api/apps/" + appId + "/flows/" + flowId).then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }
}
