package io.switchboard.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import io.restassured.response.Response;

/** A person answering the sandbox provider's consent page and landing on our callback, over HTTP Basic. */
public final class SandboxConsent {
    private SandboxConsent() {
    }

    /** Approves or skips the consent request and follows the provider's redirect to the callback. */
    public static Response consent(String authorizeUrl, String user, String decision) {
        return callback(answer(authorizeUrl, user, decision), user);
    }

    /** Answers the consent page as {@code user}; returns where the provider sends the browser (our callback). */
    public static URI answer(String authorizeUrl, String user, String decision) {
        URI url = URI.create(authorizeUrl);
        String local = url.getRawPath() + "?" + url.getRawQuery();
        Response page = given().urlEncodingEnabled(false).auth().preemptive().basic(user, user).get(local);
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        assertThat(page.asString()).contains("Required permissions");
        // the consent form is a browser form: it answers with the CSRF token the page carried, cookie and field
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Response answer = given().urlEncodingEnabled(false).auth().preemptive().basic(user, user).redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token")).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("decision", decision).post(local);
        assertThat(answer.statusCode()).isEqualTo(303);
        return URI.create(answer.getHeader("Location"));
    }

    public static Response callback(URI redirect, String user) {
        return given().urlEncodingEnabled(false).auth().preemptive().basic(user, user).redirects().follow(false)
                .get(redirect.getRawPath() + "?" + redirect.getRawQuery());
    }
}
