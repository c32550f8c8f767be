package io.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.startup.ProductionGuard;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.MockOidcIssuer;
import io.switchboard.testsupport.MockOidcIssuer.InjectMockOidcIssuer;
import io.switchboard.testsupport.ProdIdentityProfile;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** Production identity: OIDC bearer tokens from a real (mock) issuer; demo users and Basic are gone. */
@QuarkusTest
@org.junit.jupiter.api.Tag("own-jvm")
@TestProfile(ProdIdentityProfile.class)
class ProdIdentityTest {
    @InjectMockOidcIssuer
    MockOAuth2Server issuer;

    @Inject
    ProductionGuard guard;
    @Inject
    AgroalDataSource dataSource;

    String token(String subject, Map<String, Object> claims, long expirySeconds) {
        var callback = new DefaultOAuth2TokenCallback(MockOidcIssuer.ISSUER_ID, subject, "JWT",
                List.of(MockOidcIssuer.CLIENT_ID), claims, expirySeconds);
        return issuer.issueToken(MockOidcIssuer.ISSUER_ID, MockOidcIssuer.CLIENT_ID, callback).serialize();
    }

    String ada() {
        return token("ada", Map.of("email", "ada@example.org", "preferred_username", "ada.lovelace"), 3600);
    }

    static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void runsTheProdProfile_withTheGuardSatisfied() throws SQLException {
        assertThat(ConfigUtils.getProfiles()).contains("prod");
        assertThat(guard.passwordLoginInstalled()).as("a username/password identity provider").isFalse();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
    }

    @Test
    void issuerToken_createsAndReadsApp_withTheSubjectAsEditor() {
        String token = ada();
        String appId = bearer(token).body(Api.TASKS_APP).post("/api/apps").then().statusCode(201)
                .extract().path("id");

        bearer(token).get("/api/apps/" + appId).then().statusCode(200).body("name", equalTo("Tasks"));
        bearer(token).get("/api/apps").then().statusCode(200).body("id", hasItem(appId));
        bearer(token).get("/api/apps/" + appId + "/members").then().statusCode(200)
                .body("user", equalTo(List.of("ada")))
                .body("[0].role", equalTo("editor"));
        bearer(token).get("/api/apps/" + appId + "/me").then().statusCode(200)
                .body("user", equalTo("ada"))
                .body("email", equalTo("ada@example.org"));
        bearer(token).body(Map.of("title", "Prove it")).post("/api/apps/" + appId + "/entities/Todo/records")
                .then().statusCode(201).body("createdBy", equalTo("ada"));
    }

    @Test
    void anotherSubject_cannotSeeTheApp() {
        String appId = bearer(ada()).body(Api.TASKS_APP).post("/api/apps").then().statusCode(201)
                .extract().path("id");
        String bob = token("bob", Map.of("email", "bob@example.org"), 3600);
        bearer(bob).get("/api/apps/" + appId).then().statusCode(403);
        bearer(bob).get("/api/apps").then().statusCode(200).body("id", not(hasItem(appId)));
    }

    @Test
    void missingToken_isUnauthorized() {
        given().get("/api/apps").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Api.TASKS_APP).post("/api/apps").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuer_isUnauthorized() {
        String foreign = issuer.issueToken("elsewhere", "ada", MockOidcIssuer.CLIENT_ID).serialize();
        bearer(foreign).get("/api/apps").then().statusCode(401);
    }

    @Test
    void expiredToken_isUnauthorized() {
        String expired = token("ada", Map.of("email", "ada@example.org"), -3600);
        bearer(expired).get("/api/apps").then().statusCode(401);
    }

    @Test
    void tamperedToken_isUnauthorized() {
        String[] parts = ada().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("\"ada\"", "\"root\"").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        bearer(forged).get("/api/apps").then().statusCode(401);
    }

    @Test
    void demoUsersOverBasic_areUnauthorized() {
        Api.editor().get("/api/apps").then().statusCode(401);
        Api.editor().body(Api.TASKS_APP).post("/api/apps").then().statusCode(401);
        Api.member().get("/api/apps").then().statusCode(401);
    }
}
