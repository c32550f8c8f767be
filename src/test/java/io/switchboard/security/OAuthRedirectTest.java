package io.switchboard.security;

import static io.restassured.RestAssured.given;
import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.SandboxConsent;
import io.switchboard.testsupport.Api;

/** The redirect URI is fixed, no return path leaves the site, and only the person who started a consent finishes it. */
@QuarkusTest
class OAuthRedirectTest {
    static final String EVIL = "https://evil.example/steal";
    static final String RETURN_PARAMS = "&redirect=" + EVIL + "&redirect_uri=" + EVIL + "&return=//evil.example"
            + "&returnTo=" + EVIL + "&next=" + EVIL + "&url=" + EVIL;

    String appId;

    @BeforeEach
    void app() {
        appId = Api.createTasksAppWithMember();
    }

    String authorizeUrl(Map<String, String> headers) {
        return editor().headers(headers).body(Map.of("connector", "gmail", "mode", "shared", "action", "gmail.send_email"))
                .post("/api/apps/" + appId + "/connections").then().statusCode(200).extract().path("authorizeUrl");
    }

    static String query(String url, String name) {
        for (String pair : URI.create(url).getQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    static void assertStaysOnSite(Response response) {
        String location = response.getHeader("Location");
        if (location != null) {
            URI target = URI.create(location);
            assertThat(target.getHost() == null || target.getHost().equals("localhost")).as(location).isTrue();
            assertThat(location).as(location).doesNotContain("evil.example");
        }
    }

    @Test
    void redirectUri_isTheConfiguredCallback_whateverHostTheRequestClaims() {
        String expected = ConfigProvider.getConfig().getValue("switchboard.public-url", String.class) + "/oauth/callback";
        String url = authorizeUrl(Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https", "Forwarded", "host=evil.example;proto=https"));
        assertThat(query(url, "redirect_uri")).isEqualTo(expected);
    }

    @Test
    void provider_refusesAnotherRedirectUri() {
        URI url = URI.create(authorizeUrl(Map.of()));
        String tampered = url.getRawPath() + "?" + url.getRawQuery().replaceAll("redirect_uri=[^&]*", "redirect_uri=" + EVIL);
        Response answer = given().urlEncodingEnabled(false).auth().preemptive().basic("editor", "editor").redirects()
                .follow(false).cookie("csrf-token", "aaaaaaaaaaaaaaaaaaaaaa").contentType("application/x-www-form-urlencoded")
                .body("decision=approve&csrf-token=aaaaaaaaaaaaaaaaaaaaaa").post(tampered);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.getHeader("Location")).isNull();
    }

    @Test
    void callback_withReturnParameters_goesBackToTheAppsOwnChat() {
        URI back = SandboxConsent.answer(authorizeUrl(Map.of()), "editor", "approve");
        Response done = given().urlEncodingEnabled(false).auth().preemptive().basic("editor", "editor").redirects()
                .follow(false).get(back.getRawPath() + "?" + back.getRawQuery() + RETURN_PARAMS);
        assertThat(done.statusCode()).isEqualTo(303);
        assertStaysOnSite(done);
        assertThat(URI.create(done.getHeader("Location")).getPath()).isEqualTo("/apps/" + appId + "/integrations");
    }

    @Test
    void loginAndPages_ignoreReturnParameters_andAForgedReturnCookie() {
        Response forged = given().redirects().follow(false).cookie("quarkus-redirect-location", EVIL)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", "editor")
                .formParam("j_password", "editor").post("/j_security_check");
        assertThat(forged.statusCode()).as(forged.headers().toString()).isLessThan(500);
        assertStaysOnSite(forged);
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "editor").formParam("j_password", "editor").post("/j_security_check");
        assertThat(login.statusCode()).isBetween(300, 399);
        assertStaysOnSite(login);
        String session = login.getCookie("quarkus-credential");
        for (String page : List.of("/", "/login", "/apps/" + appId + "/chat", "/apps/" + appId + "/integrations",
                "/apps/" + appId + "/flows")) {
            Response answer = given().redirects().follow(false).cookie("quarkus-credential", session)
                    .get(page + "?x=1" + RETURN_PARAMS);
            assertThat(answer.statusCode()).as(page).isLessThan(400);
            assertStaysOnSite(answer);
            assertThat(answer.asString()).as(page).doesNotContain("evil.example");
        }
        Response anonymous = given().redirects().follow(false).get("/apps/" + appId + "/chat?x=1" + RETURN_PARAMS);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertStaysOnSite(anonymous);
    }

    @Test
    void consentStartedByTheEditor_cannotBeFinishedByAnotherUser() {
        URI back = SandboxConsent.answer(authorizeUrl(Map.of()), "editor", "approve");
        for (String other : List.of("member", "outsider")) {
            SandboxConsent.callback(back, other).then().statusCode(403);
        }
        editor().get("/api/apps/" + appId + "/connections").then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(0));
    }
}
