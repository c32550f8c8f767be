package io.switchboard.apps;

import static io.switchboard.testsupport.Api.createApp;
import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.PostgresProfile;
import io.switchboard.testsupport.PostgresTestDatabase;

/** The Flyway migrations and the apps/records round trip on a real PostgreSQL (database switchboard_test). */
@QuarkusTest
@org.junit.jupiter.api.Tag("own-jvm")
@TestProfile(PostgresProfile.class)
class PostgresPersistenceTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Flyway flyway;

    @Test
    void migrations_ranOnPostgres() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getMetaData().getURL()).isEqualTo(PostgresTestDatabase.URL);
            assertThat(connection.getCatalog()).isEqualTo(PostgresTestDatabase.DATABASE);
        }
        var info = flyway.info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied()).isNotEmpty();
        assertThat(info.current().getVersion().getVersion())
                .isEqualTo(info.all()[info.all().length - 1].getVersion().getVersion());
    }

    @Test
    void crud_roundTrip_overRest() throws SQLException {
        String appId = createApp(Api.TASKS_APP);
        editor().get("/api/apps/" + appId).then().statusCode(200)
                .body("name", equalTo("Tasks"))
                .body("timezone", equalTo("Europe/Paris"))
                .body("entities[0].fields[1].type", equalTo("date"));
        editor().get("/api/apps").then().statusCode(200).body("id", hasItem(appId));
        editor().get("/api/apps/" + appId + "/members").then().statusCode(200)
                .body("find { it.user == 'editor' }.role", equalTo("editor"));

        String records = "/api/apps/" + appId + "/entities/Todo/records";
        String id = editor().body(Map.of("title", "Ship Postgres", "due", "2026-12-01", "done", false))
                .post(records).then().statusCode(201)
                .body("data.title", equalTo("Ship Postgres"))
                .body("createdBy", equalTo("editor"))
                .extract().path("id");

        editor().body(Map.of("done", true)).patch(records + "/" + id).then().statusCode(200)
                .body("data.done", equalTo(true)).body("data.title", equalTo("Ship Postgres"));
        editor().body(Map.of("title", "Ship Postgres 16")).put(records + "/" + id).then().statusCode(200)
                .body("data.title", equalTo("Ship Postgres 16")).body("data.done", nullValue());
        editor().get(records).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].data.title", equalTo("Ship Postgres 16"));
        assertThat(rowsIn("app_records", appId)).isEqualTo(1);

        editor().delete(records + "/" + id).then().statusCode(204);
        editor().get(records + "/" + id).then().statusCode(404);
        editor().get(records).then().statusCode(200).body("$", hasSize(0));
        assertThat(rowsIn("app_records", appId)).isZero();
        assertThat(rowsIn("apps", appId)).isEqualTo(1);
    }

    private long rowsIn(String table, String appId) throws SQLException {
        String column = table.equals("apps") ? "id" : "app_id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection
                        .prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
            query.setString(1, appId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
