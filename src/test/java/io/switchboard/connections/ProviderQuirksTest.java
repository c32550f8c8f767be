package io.switchboard.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.switchboard.actions.ActionExecutor;
import io.switchboard.actions.ProviderException;
import io.switchboard.catalog.Catalog;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.InjectProviderApis;

/**
 * Each provider's token endpoint as it really answers (Slack, GitHub, Notion, Salesforce, TikTok, LinkedIn), served by
 * WireMock at the real paths, through the whole path: authorize URL, callback, code exchange by the OIDC client,
 * identity, the stored connection, and refresh.
 */
@QuarkusTest
@Tag("own-jvm")
@TestProfile(ProviderQuirksTest.RealProviders.class)
@QuarkusTestResource(value = ProviderEndpoints.class, restrictToAnnotatedClass = true)
class ProviderQuirksTest {
    public static class RealProviders implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }
    }

    @InjectProviderApis
    WireMockServer provider;
    @Inject
    ConnectionService connections;
    @Inject
    ExpirySweep sweep;
    @Inject
    MovableClock clock;
    @Inject
    DataSource db;
    @Inject
    Catalog catalog;
    @Inject
    ActionExecutor executor;

    String appId;

    @BeforeEach
    void app() {
        provider.resetAll();
        appId = Api.createApp(Api.TASKS_APP);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    String authorize(String connector, String action) {
        return editor().body(Map.of("connector", connector, "mode", "shared", "action", action))
                .post("/api/apps/" + appId + "/connections").then().statusCode(200).extract().path("authorizeUrl");
    }

    /** The provider sends the browser back with {@code code}; answers our callback's response. */
    io.restassured.response.Response callback(String authorizeUrl, String code) {
        String state = query(authorizeUrl).get("state");
        return given().auth().preemptive().basic("editor", "editor").redirects().follow(false)
                .queryParam("code", code).queryParam("state", state).get("/oauth/callback");
    }

    String connect(String connector, String action, String code) {
        callback(authorize(connector, action), code).then().statusCode(303);
        return connectionOf(connector).getString("id");
    }

    JsonPath connectionOf(String connector) {
        List<Map<String, Object>> all = editor().get("/api/apps/" + appId + "/connections").then().statusCode(200)
                .extract().jsonPath().getList("$");
        int index = all.stream().map(c -> c.get("connector")).toList().indexOf(connector);
        assertThat(index).as("a %s connection in %s", connector, all).isGreaterThanOrEqualTo(0);
        return editor().get("/api/apps/" + appId + "/connections").then().extract().jsonPath()
                .setRootPath("[" + index + "]");
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    void expireAccessToken(String connectionId) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Connection c = Connection.findById(connectionId);
            c.expiresAt = clock.instant().minusSeconds(1);
        });
    }

    /** Not the token, nor its Base64 or hex, anywhere in any table. */
    void assertNowhereInTheDatabase(String... secrets) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (var connection = db.getConnection(); var rows = connection.createStatement().executeQuery("SCRIPT")) {
            while (rows.next()) {
                dump.append(rows.getString(1)).append('\n');
            }
        }
        assertThat(dump).contains("connections");
        for (String secret : secrets) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            assertThat(dump.toString()).doesNotContain(secret)
                    .doesNotContain(Base64.getEncoder().encodeToString(bytes))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(bytes));
        }
    }

    // ---- Slack ----

    @Test
    void slackUser_userTokenUnderAuthedUser_connectsAsThePersonAndRotatesOnRefresh() throws Exception {
        String authorizeUrl = authorize("slack_user", "slack_user.post_message");
        assertThat(query(authorizeUrl)).containsEntry("client_id", "slack_user-client")
                .containsEntry("user_scope", "chat:write").doesNotContainKey("scope")
                .doesNotContainKey("code_challenge");
        // https://docs.slack.dev/reference/methods/oauth.v2.access: user-scope-only install
        provider.stubFor(post("/api/oauth.v2.access").withRequestBody(containing("code=slack-code"))
                .willReturn(okJson("""
                        {"ok": true, "app_id": "A0KRD7HC3",
                         "authed_user": {"id": "U1234", "scope": "chat:write", "access_token": "xoxe.xoxp-1-first",
                                         "token_type": "user", "refresh_token": "xoxe-1-first-refresh",
                                         "expires_in": 43200},
                         "team": {"id": "T9TK3CUKW", "name": "Slack Softworks"},
                         "enterprise": null, "is_enterprise_install": false}""")));
        provider.stubFor(post("/api/auth.test").withHeader("Authorization", equalTo("Bearer xoxe.xoxp-1-first"))
                .willReturn(okJson("""
                        {"ok": true, "url": "https://softworks.slack.com/", "team": "Slack Softworks", "user": "ada",
                         "team_id": "T9TK3CUKW", "user_id": "U1234"}""")));

        callback(authorizeUrl, "slack-code").then().statusCode(303);

        JsonPath slack = connectionOf("slack_user");
        assertThat(slack.getString("account")).isEqualTo("ada");
        assertThat(slack.getList("scopes")).containsExactly("chat:write");
        assertThat(slack.getString("status")).isEqualTo("active");
        provider.verify(postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
                .withBasicAuth(new BasicCredentials("slack_user-client", "slack_user-secret"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(notContaining("client_secret")));
        String id = slack.getString("id");
        AccessGrant grant = connections.grant(id);
        assertThat(grant.accessToken()).isEqualTo("xoxe.xoxp-1-first");
        assertThat(grant.extra()).containsEntry("user_id", "U1234").containsEntry("team_id", "T9TK3CUKW");

        // a user-token refresh answers flat, and revokes the refresh token it was given
        provider.stubFor(post("/api/oauth.v2.access").withRequestBody(containing("refresh_token=xoxe-1-first-refresh"))
                .willReturn(okJson("""
                        {"ok": true, "app_id": "A0KRD7HC3", "access_token": "xoxe.xoxp-1-second",
                         "expires_in": 43200, "refresh_token": "xoxe-1-second-refresh", "token_type": "user",
                         "scope": "chat:write", "user_id": "U1234", "team": {"id": "T9TK3CUKW"}}""")));
        provider.stubFor(post("/api/oauth.v2.access").withRequestBody(containing("refresh_token=xoxe-1-second-refresh"))
                .willReturn(okJson("""
                        {"ok": true, "access_token": "xoxe.xoxp-1-third", "expires_in": 43200,
                         "refresh_token": "xoxe-1-third-refresh", "token_type": "user"}""")));
        clock.advance(Duration.ofHours(12));
        assertThat(connections.grant(id).accessToken()).isEqualTo("xoxe.xoxp-1-second");
        clock.advance(Duration.ofHours(12));
        // the rotated refresh token was saved with the new access token: the next refresh sends it
        assertThat(connections.grant(id).accessToken()).isEqualTo("xoxe.xoxp-1-third");
        provider.verify(1, postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
                .withRequestBody(containing("refresh_token=xoxe-1-second-refresh")));
        assertThat(connections.grant(id).extra()).containsEntry("user_id", "U1234");

        editor().get("/api/apps/" + appId + "/connections").then()
                .body(org.hamcrest.Matchers.not(containsString("xoxe")));
        assertNowhereInTheDatabase("xoxe.xoxp-1-first", "xoxe-1-first-refresh", "xoxe.xoxp-1-third",
                "xoxe-1-third-refresh");
    }

    @Test
    void slack_okFalseWithHttp200_refusesTheSignInAndStoresNothing() {
        provider.stubFor(post("/api/oauth.v2.access").willReturn(okJson("""
                {"ok": false, "error": "invalid_code"}""")));

        callback(authorize("slack_bot", "slack_bot.post_message"), "a-spent-code").then().statusCode(400)
                .body("error", containsString("Slack did not accept this sign-in (invalid_code)"));

        editor().get("/api/apps/" + appId + "/connections").then().statusCode(200).body("$",
                org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void slackBot_refreshAnsweredOkFalseInvalidRefreshToken_needsReauthInWords() {
        provider.stubFor(post("/api/oauth.v2.access").withRequestBody(containing("code=bot-code")).willReturn(okJson("""
                {"ok": true, "access_token": "xoxe.xoxb-1-bot", "token_type": "bot", "scope": "chat:write",
                 "bot_user_id": "U0KRQLJ9H", "app_id": "A0KRD7HC3", "expires_in": 43200,
                 "refresh_token": "xoxe-1-bot-refresh",
                 "team": {"name": "Slack Softworks", "id": "T9TK3CUKW"}, "enterprise": null,
                 "authed_user": {"id": "U1234"}}""")));
        provider.stubFor(post("/api/auth.test").willReturn(okJson("""
                {"ok": true, "url": "https://softworks.slack.com/", "team": "Slack Softworks", "user": "switchboard",
                 "team_id": "T9TK3CUKW", "user_id": "U0KRQLJ9H", "bot_id": "B1"}""")));
        String id = connect("slack_bot", "slack_bot.post_message", "bot-code");
        assertThat(connections.grant(id).extra()).containsEntry("bot_user_id", "U0KRQLJ9H");
        provider.stubFor(post("/api/oauth.v2.access").withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"ok": false, "error": "invalid_refresh_token"}""")));

        clock.advance(Duration.ofHours(12));

        assertThatThrownBy(() -> connections.grant(id)).isInstanceOf(ReconnectRequiredException.class)
                .hasMessage("Reconnect Slack (bot) (Slack Softworks): Slack no longer accepts the saved sign-in");
        assertThat(connectionOf("slack_bot").getString("status")).isEqualTo("needs_reauth");
    }

    // ---- GitHub ----

    @Test
    void github_formEncodedReply_isRead_andItsCommaSeparatedScopesKept() {
        String authorizeUrl = authorize("github", "github.create_issue");
        assertThat(query(authorizeUrl)).containsEntry("scope", "repo").containsEntry("code_challenge_method", "S256");
        // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps: the default reply
        provider.stubFor(post("/login/oauth/access_token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .withBody("access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer")));
        provider.stubFor(get("/user").withHeader("Authorization", equalTo("Bearer gho_16C7e42F292c6912E7710c838347Ae178B4a"))
                .willReturn(okJson("""
                        {"login": "octoada", "id": 1, "type": "User", "email": null}""")));

        callback(authorizeUrl, "gh-code").then().statusCode(303);

        JsonPath github = connectionOf("github");
        assertThat(github.getString("account")).isEqualTo("octoada");
        assertThat(github.getList("scopes")).containsExactly("repo", "gist");
        // OAuth App tokens do not expire: healthy, with no end date
        assertThat(github.getString("status")).isEqualTo("active");
        assertThat(github.getString("expiresAt")).isNull();
        provider.verify(postRequestedFor(urlEqualTo("/login/oauth/access_token"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(containing("client_id=github-client"))
                .withRequestBody(containing("client_secret=github-secret"))
                .withRequestBody(containing("code=gh-code")).withRequestBody(containing("code_verifier=")));
        assertThat(connections.grant(github.getString("id")).accessToken())
                .isEqualTo("gho_16C7e42F292c6912E7710c838347Ae178B4a");
    }

    @Test
    void github_errorWithHttp200_refusesTheSignIn() {
        provider.stubFor(post("/login/oauth/access_token").willReturn(okJson("""
                {"error": "bad_verification_code", "error_description": "The code passed is incorrect or expired.",
                 "error_uri": "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}""")));

        callback(authorize("github", "github.create_issue"), "expired-code").then().statusCode(400)
                .body("error", containsString("GitHub did not accept this sign-in (bad_verification_code)"));
        editor().get("/api/apps/" + appId + "/connections").then().body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void githubAppUserToken_refreshedFromAFormReply_thenBadRefreshTokenNeedsReauth() {
        // https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens
        provider.stubFor(post("/login/oauth/access_token").withRequestBody(containing("code=app-code"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded")
                        .withBody("access_token=ghu_first&expires_in=28800&refresh_token=ghr_first"
                                + "&refresh_token_expires_in=15724800&scope=&token_type=bearer")));
        provider.stubFor(get("/user").willReturn(okJson("{\"login\": \"octoada\"}")));
        String id = connect("github", "github.create_issue", "app-code");
        provider.stubFor(post("/login/oauth/access_token").withRequestBody(containing("refresh_token=ghr_first"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded")
                        .withBody("access_token=ghu_second&expires_in=28800&refresh_token=ghr_second"
                                + "&refresh_token_expires_in=15724800&scope=&token_type=bearer")));
        provider.stubFor(post("/login/oauth/access_token").withRequestBody(containing("refresh_token=ghr_second"))
                .willReturn(okJson("""
                        {"error": "bad_refresh_token", "error_description": "The refresh token passed is incorrect or expired."}""")));

        clock.advance(Duration.ofHours(8));
        assertThat(connections.grant(id).accessToken()).isEqualTo("ghu_second");
        clock.advance(Duration.ofHours(8));

        assertThatThrownBy(() -> connections.grant(id)).isInstanceOf(ReconnectRequiredException.class)
                .hasMessage("Reconnect GitHub (octoada): GitHub no longer accepts the saved sign-in");
    }

    // ---- Notion ----

    @Test
    void notion_jsonBodyWithBasicAuth_accountFromTheOwnerInTheReply_rotatesOnRefresh() throws Exception {
        String authorizeUrl = authorize("notion", "notion.create_page");
        assertThat(query(authorizeUrl)).containsEntry("owner", "user").containsEntry("client_id", "notion-client");
        // https://developers.notion.com/docs/authorization: the token reply
        provider.stubFor(post("/v1/oauth/token").withRequestBody(equalToJson("""
                {"grant_type": "authorization_code", "code": "notion-code",
                 "redirect_uri": "${json-unit.any-string}"}""")).willReturn(okJson("""
                {"access_token": "ntn_first_token", "token_type": "bearer", "refresh_token": "nrt_first_refresh",
                 "bot_id": "b2b5f9c8-bot", "workspace_name": "Ada's Notion", "workspace_icon": null,
                 "workspace_id": "w-17ab", "owner": {"type": "user", "user": {"object": "user", "id": "u-1",
                 "name": "Ada Lovelace", "avatar_url": null, "type": "person",
                 "person": {"email": "ada@example.com"}}}, "duplicated_template_id": null, "request_id": "r-1"}""")));

        callback(authorizeUrl, "notion-code").then().statusCode(303);

        JsonPath notion = connectionOf("notion");
        assertThat(notion.getString("account")).isEqualTo("ada@example.com");
        provider.verify(postRequestedFor(urlEqualTo("/v1/oauth/token"))
                .withBasicAuth(new BasicCredentials("notion-client", "notion-secret"))
                .withHeader("Content-Type", containing("application/json")));
        String id = notion.getString("id");
        assertThat(connections.grant(id).extra()).containsEntry("workspace_name", "Ada's Notion")
                .containsEntry("workspace_id", "w-17ab");

        provider.stubFor(post("/v1/oauth/token").withRequestBody(equalToJson("""
                {"grant_type": "refresh_token", "refresh_token": "nrt_first_refresh"}""")).willReturn(okJson("""
                {"access_token": "ntn_second_token", "token_type": "bearer", "refresh_token": "nrt_second_refresh",
                 "bot_id": "b2b5f9c8-bot", "workspace_name": "Ada's Notion", "workspace_id": "w-17ab",
                 "owner": {"type": "user"}}""")));
        AccessGrant refreshed = connections.refreshAfterRejection(id, connections.grant(id));
        assertThat(refreshed.accessToken()).isEqualTo("ntn_second_token");
        assertNowhereInTheDatabase("ntn_first_token", "nrt_first_refresh", "ntn_second_token", "nrt_second_refresh");
        Connection stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection> findById(id));
        assertThat(stored.refreshToken).startsWith("v1:");
    }

    // ---- Salesforce ----

    @Test
    void salesforce_instanceUrlFromTheReply_isTheApiBaseOfItsActions_andFollowsARefresh() {
        String org = provider.baseUrl();
        // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm: no expires_in
        provider.stubFor(post("/services/oauth2/token").withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token": "00Dxx0000001gPL!AR8AQJXg5oj8", "refresh_token": "5Aep861TSESvWeug_xvFHRBTTbf",
                         "signature": "CMJ4l+CCaPQiKjoOEwEig9H4wqhpuLSk4J2urAe+fVg=", "scope": "refresh_token openid api",
                         "id_token": "eyJraWQiOiIyMjAiLCJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2ln",
                         "instance_url": "%s", "id": "https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",
                         "token_type": "Bearer", "issued_at": "1700000000000"}""".formatted(org))));
        provider.stubFor(get("/services/oauth2/userinfo").willReturn(okJson("""
                {"sub": "https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",
                 "user_id": "005xx000001SwiUAAS", "organization_id": "00Dxx0000001gPLEAY",
                 "preferred_username": "ada@acme.example", "email": "ada@acme.example"}""")));
        provider.stubFor(post("/services/data/v62.0/sobjects/Lead").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"00Qxx0000001\", \"success\": true, \"errors\": []}")));

        String id = connect("salesforce", "salesforce.create_record", "sf-code");
        assertThat(connectionOf("salesforce").getString("account")).isEqualTo("ada@acme.example");
        assertThat(connectionOf("salesforce").getList("scopes")).contains("api", "refresh_token");
        AccessGrant grant = connections.grant(id);
        assertThat(grant.extra()).containsEntry("instance_url", org);

        var action = catalog.action("salesforce.create_record").orElseThrow();
        assertThat(executor.execute(action, Map.of("sobject", "Lead", "fields", Map.of("LastName", "Lovelace",
                "Company", "Acme")), grant).resultId()).isEqualTo("00Qxx0000001");
        provider.verify(postRequestedFor(urlPathEqualTo("/services/data/v62.0/sobjects/Lead"))
                .withHeader("Authorization", equalTo("Bearer 00Dxx0000001gPL!AR8AQJXg5oj8")));

        // the org moved: the refresh reply names another instance, and the connection follows it
        String moved = org.replace("localhost", "127.0.0.1");
        provider.stubFor(post("/services/oauth2/token").withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"access_token": "00Dxx0000001gPL!AR8second", "signature": "c2ln", "scope": "refresh_token openid api",
                         "instance_url": "%s", "id": "https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",
                         "token_type": "Bearer", "issued_at": "1700000360000"}""".formatted(moved))));
        AccessGrant refreshed = connections.refreshAfterRejection(id, grant);
        assertThat(refreshed.extra()).containsEntry("instance_url", moved);
        assertThat(refreshed.accessToken()).isEqualTo("00Dxx0000001gPL!AR8second");
        provider.verify(postRequestedFor(urlEqualTo("/services/oauth2/token"))
                .withRequestBody(containing("refresh_token=5Aep861TSESvWeug_xvFHRBTTbf")));
        // no refresh token in the refresh reply: the saved one stays
        provider.stubFor(post("/services/oauth2/token").withRequestBody(containing("refresh_token=5Aep861TSESvWeug_xvFHRBTTbf"))
                .willReturn(okJson("""
                        {"access_token": "00Dxx0000001gPL!AR8third", "instance_url": "%s", "token_type": "Bearer"}"""
                        .formatted(moved))));
        assertThat(connections.refreshAfterRejection(id, refreshed).accessToken()).isEqualTo("00Dxx0000001gPL!AR8third");
    }

    @Test
    void salesforce_tokenEndpointDown_isRetriedLater_notMarkedDead() {
        provider.stubFor(post("/services/oauth2/token").withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token": "00Dxx!first", "refresh_token": "5Aep-refresh", "scope": "api",
                         "instance_url": "%s", "token_type": "Bearer"}""".formatted(provider.baseUrl()))));
        provider.stubFor(get("/services/oauth2/userinfo").willReturn(okJson("{\"email\": \"ada@acme.example\"}")));
        String id = connect("salesforce", "salesforce.create_record", "sf-code-2");
        provider.stubFor(post("/services/oauth2/token").withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

        assertThatThrownBy(() -> connections.refreshAfterRejection(id, connections.grant(id)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("trying again later");
        assertThat(connectionOf("salesforce").getString("status")).isEqualTo("active");
    }

    // ---- TikTok ----

    @Test
    void tiktok_clientKeyInTheAuthorizeUrlAndTokenBody_openIdKept() {
        String authorizeUrl = authorize("tiktok", "tiktok.list_videos");
        assertThat(query(authorizeUrl)).containsEntry("client_key", "tiktok-client").doesNotContainKey("client_id")
                .containsEntry("scope", "video.list,user.info.basic");
        // https://developers.tiktok.com/doc/oauth-user-access-token-management
        provider.stubFor(post("/v2/oauth/token/").withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token": "act.example12345Example12345Example", "expires_in": 7200,
                         "open_id": "afd97af1-b87b-48b9-ac98-410aghda5344", "refresh_expires_in": 15552000,
                         "refresh_token": "rft.example12345Example12345Example", "scope": "user.info.basic,video.list",
                         "token_type": "Bearer"}""")));
        provider.stubFor(get(urlEqualTo("/v2/user/info/?fields=open_id,display_name")).willReturn(okJson("""
                {"data": {"user": {"open_id": "afd97af1-b87b-48b9-ac98-410aghda5344", "display_name": "Ada Films"}},
                 "error": {"code": "ok", "message": "", "log_id": "20261201"}}""")));

        callback(authorizeUrl, "tt-code").then().statusCode(303);

        JsonPath tiktok = connectionOf("tiktok");
        assertThat(tiktok.getString("account")).isEqualTo("Ada Films");
        assertThat(tiktok.getList("scopes")).containsExactlyInAnyOrder("user.info.basic", "video.list");
        provider.verify(postRequestedFor(urlEqualTo("/v2/oauth/token/"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("client_key=tiktok-client"))
                .withRequestBody(containing("client_secret=tiktok-secret"))
                .withRequestBody(notContaining("client_id")));
        String id = tiktok.getString("id");
        assertThat(connections.grant(id).extra()).containsEntry("open_id", "afd97af1-b87b-48b9-ac98-410aghda5344");

        provider.stubFor(post("/v2/oauth/token/").withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"access_token": "act.second", "expires_in": 7200, "open_id": "afd97af1-b87b-48b9-ac98-410aghda5344",
                         "refresh_expires_in": 15552000, "refresh_token": "rft.second", "scope": "user.info.basic,video.list",
                         "token_type": "Bearer"}""")));
        clock.advance(Duration.ofHours(2));
        assertThat(connections.grant(id).accessToken()).isEqualTo("act.second");
        provider.verify(postRequestedFor(urlEqualTo("/v2/oauth/token/"))
                .withRequestBody(containing("refresh_token=rft.example12345Example12345Example"))
                .withRequestBody(containing("client_key=tiktok-client")));
    }

    // ---- no refresh token (LinkedIn) ----

    void stubLinkedIn(String code) {
        // https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow: 60 days, no refresh
        provider.stubFor(post("/oauth/v2/accessToken").withRequestBody(containing("code=" + code)).willReturn(okJson("""
                {"access_token": "AQUvlL_DYEzvT2wz1QJiEPeLioeA", "expires_in": 5184000,
                 "scope": "email,openid,w_member_social", "token_type": "Bearer", "id_token": "eyJ6.e30.c2ln"}""")));
        provider.stubFor(get("/v2/userinfo").willReturn(okJson("""
                {"sub": "782bbtaQ", "name": "Ada Lovelace", "email": "ada@example.com", "email_verified": true}""")));
    }

    @Test
    void withoutRefreshToken_showsItsEnd_thenNeedsReauthOnceItHasPassed() {
        stubLinkedIn("li-code");
        String id = connect("linkedin", "linkedin.share_post", "li-code");
        // the member id from userinfo is kept, and a post is written as that member
        provider.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(201)
                .withHeader("x-restli-id", "urn:li:share:7001")));
        var action = catalog.action("linkedin.share_post").orElseThrow();
        executor.execute(action, Map.of("text", "Hello from Switchboard"), connections.grant(id));
        provider.verify(postRequestedFor(urlPathEqualTo("/rest/posts"))
                .withRequestBody(matchingJsonPath("$.author", equalTo("urn:li:person:782bbtaQ"))));

        JsonPath linkedin = connectionOf("linkedin");
        assertThat(linkedin.getString("status")).isEqualTo("active");
        Instant end = Instant.parse(linkedin.getString("expiresAt"));
        assertThat(end).isBetween(clock.instant().plus(Duration.ofDays(59)), clock.instant().plus(Duration.ofDays(61)));
        assertThat(linkedin.getString("statusReason")).contains("LinkedIn gives no way to renew it");

        clock.advance(Duration.ofDays(61));

        linkedin = connectionOf("linkedin");
        assertThat(linkedin.getString("status")).isEqualTo("needs_reauth");
        assertThat(linkedin.getString("statusReason"))
                .startsWith("Reconnect LinkedIn (ada@example.com): the sign-in ended on ")
                .endsWith(" and LinkedIn gives no way to renew it");
    }

    @Test
    void expirySweep_marksAnEndedSignInBeforeAnyoneUsesIt_andItsFlowsWait() {
        stubLinkedIn("li-code-2");
        String id = connect("linkedin", "linkedin.share_post", "li-code-2");
        String flowId = editor().body(Map.of("name", "Weekly post", "connector", "linkedin", "action",
                "linkedin.share_post", "trigger", Map.of("type", "schedule", "cron", "0 0 9 ? * MON"), "inputs",
                Map.of("author", "urn:li:person:782bbtaQ", "text", "Weekly update"), "connectionMode", "shared"))
                .post("/api/apps/" + appId + "/flows").then().statusCode(201).extract().path("id");
        sweep.sweep();
        assertThat(Api.flow(appId, flowId)).containsEntry("status", "active");
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection> findById(id).status)).isEqualTo(ConnectionStatus.ACTIVE);

        clock.advance(Duration.ofDays(61));
        sweep.sweep();

        Connection swept = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection> findById(id));
        assertThat(swept.status).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(swept.statusReason).startsWith("Reconnect LinkedIn (ada@example.com)");
        assertThatThrownBy(() -> connections.grant(id)).isInstanceOf(ReconnectRequiredException.class)
                .hasMessage(swept.statusReason);
        assertThat(Api.flow(appId, flowId)).containsEntry("status", "needs_reconnect")
                .containsEntry("statusReason", swept.statusReason);
        // nobody asked the provider for anything after the connection
        provider.verify(1, postRequestedFor(urlEqualTo("/oauth/v2/accessToken")));
    }
}
