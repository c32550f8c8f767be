package io.switchboard.testsupport;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile on the machine's real PostgreSQL instead of in-memory H2. {@code db-kind} is a build-time
 * property, so this profile re-augments the application once for all tests that use it.
 */
public class PostgresProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", PostgresTestDatabase.URL,
                "quarkus.datasource.username", PostgresTestDatabase.USER,
                "quarkus.flyway.clean-at-start", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestDatabase.class));
    }
}
