package io.switchboard.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes sure the dedicated database {@value #DATABASE} exists on the machine's PostgreSQL (127.0.0.1:5432, user
 * postgres, trust auth) before Quarkus boots, and points the datasource at it. Flyway's clean-at-start (set by
 * {@link PostgresProfile}) empties it on every boot, so nothing else should use this database.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {
    public static final String HOST = "127.0.0.1:5432";
    public static final String DATABASE = "switchboard_test";
    public static final String USER = "postgres";
    public static final String URL = "jdbc:postgresql://" + HOST + "/" + DATABASE;

    @Override
    public Map<String, String> start() {
        String admin = "jdbc:postgresql://" + HOST + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, USER, "")) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                } catch (SQLException e) {
                    // another build may have created it between the check and now
                    if (!"42P04".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed on " + HOST + " (user " + USER
                    + ", no password) for this test; .ci/run starts it. Cause: " + e.getMessage(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", URL,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // the database stays: the next run cleans it at start
    }
}
