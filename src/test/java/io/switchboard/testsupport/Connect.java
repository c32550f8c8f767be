package io.switchboard.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Connections made the way people make them: the connections API starts the OAuth code flow, the provider's consent
 * is answered, and the callback stores the tokens. Nothing is put in the database by hand.
 */
public final class Connect {
    private Connect() {
    }

    /** Connects {@code connector} as {@code user} through the sandbox provider's consent page; returns its id. */
    public static String viaSandbox(String appId, String user, String connector, String mode, String action) {
        return connect(appId, user, connector, mode, action,
                authorizeUrl -> SandboxConsent.answer(authorizeUrl, user, "approve"));
    }

    /**
     * Connects {@code connector} as {@code user} at mock-oauth2-server, which signs the person in as
     * {@code account}; returns the connection id.
     */
    public static String viaOAuthServer(MockOAuth2Server server, String appId, String user, String connector,
            String mode, String action, String account) {
        return connect(appId, user, connector, mode, action, authorizeUrl -> {
            String callback = given().urlEncodingEnabled(false).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").formParam("username", account)
                    .formParam("claims", "{\"email\":\"" + account + "\"}").post(authorizeUrl).then().statusCode(302)
                    .extract().header("Location");
            return URI.create(callback);
        });
    }

    /** Disconnects as {@code user} through the connections API. */
    public static void disconnect(String appId, String user, String connectionId) {
        Api.as(user).delete("/api/apps/" + appId + "/connections/" + connectionId).then().statusCode(204);
    }

    private static String connect(String appId, String user, String connector, String mode, String action,
            java.util.function.Function<String, URI> consent) {
        String authorizeUrl = Api.as(user).body(Map.of("connector", connector, "mode", mode, "action", action))
                .post("/api/apps/" + appId + "/connections").then().statusCode(200).extract().path("authorizeUrl");
        URI back = consent.apply(authorizeUrl);
        assertThat(back.getRawQuery()).contains("code=");
        given().urlEncodingEnabled(false).auth().preemptive().basic(user, user).redirects().follow(false)
                .get(back.getRawPath() + "?" + back.getRawQuery()).then().statusCode(303);
        List<Map<String, Object>> all = Api.as(user).get("/api/apps/" + appId + "/connections").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(c -> connector.equals(c.get("connector")) && mode.equals(c.get("mode"))
                && "active".equals(c.get("status")) && ("shared".equals(mode) || user.equals(c.get("owner"))))
                .map(c -> (String) c.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no active " + connector + " connection of " + user + ": " + all));
    }
}
