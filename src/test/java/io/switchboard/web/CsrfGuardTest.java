package io.switchboard.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.switchboard.testsupport.Api;

/** Form posts in a person's name need the page's token; JSON APIs and machine-to-machine posts do not. */
@QuarkusTest
class CsrfGuardTest {
    String appId;
    String session;

    @BeforeEach
    void app() {
        appId = Api.createTasksAppWithMember();
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "editor").formParam("j_password", "editor").post("/j_security_check");
        session = login.getCookie("quarkus-credential");
        assertThat(session).isNotBlank();
    }

    RequestSpecification browser() {
        return given().redirects().follow(false).cookie("quarkus-credential", session);
    }

    Response chatPage() {
        Response started = browser().get("/apps/" + appId + "/chat");
        assertThat(started.statusCode()).isEqualTo(303);
        return browser().get(started.getHeader("Location"));
    }

    static String field(Response page, String name) {
        return page.htmlPath().getString("**.find { it.@name == '" + name + "' }.@value");
    }

    @Test
    void formPost_withoutToken_isRefused() {
        browser().contentType("application/x-www-form-urlencoded").formParam("conversation", "x").formParam("text", "hi")
                .post("/apps/" + appId + "/chat/say").then().statusCode(403).body("error", containsString("reload the page"));
    }

    @Test
    void formPost_withAnotherBrowsersToken_isRefused() {
        Response page = chatPage();
        browser().cookie("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", field(page, "csrf-token")).formParam("conversation", field(page, "conversation"))
                .formParam("text", "hi").post("/apps/" + appId + "/chat/say").then().statusCode(403);
    }

    @Test
    void formPost_withThePagesToken_goesThrough() {
        Response page = chatPage();
        String conversation = field(page, "conversation");
        browser().cookie("csrf-token", page.getCookie("csrf-token")).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", field(page, "csrf-token")).formParam("conversation", conversation)
                .formParam("text", "Send me a daily email with my to-do list using Gmail")
                .post("/apps/" + appId + "/chat/say")
                .then().statusCode(303).header("Location", containsString("conversation=" + conversation));
    }

    @Test
    void jsonApi_needsNoToken() {
        Api.editor().post("/api/apps/" + appId + "/conversations").then().statusCode(201);
    }

    @Test
    void errors_arePagesForBrowsers_andJsonForApiClients() {
        browser().accept("text/html").contentType("application/x-www-form-urlencoded").formParam("text", "hi")
                .post("/apps/" + appId + "/chat/say").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("reload the page"));
        Api.editor().get("/api/apps/nope").then().statusCode(404)
                .body("error", equalTo("No app with id 'nope'."));
    }

    @Test
    void pages_refuseBasicCredentials_andSendTheBrowserToTheLoginForm() {
        given().auth().preemptive().basic("editor", "editor").redirects().follow(false).get("/apps/" + appId + "/chat")
                .then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void pages_carryTheContentSecurityPolicy() {
        browser().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff");
    }
}
