package io.switchboard.testsupport;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The real {@code %prod} configuration of application.properties layered under the test profile: OIDC bearer
 * tokens from {@link MockOidcIssuer}, no demo users, no Basic, no form login, and the production guard active.
 * Only what a test cannot have is overridden: the datasource stays on in-memory H2, logs stay plain text, and
 * the encryption key is a fixed test key.
 *
 * <p>With profiles {@code prod,test} the later one, {@code test}, wins where both define a property.
 * Build-time settings (embedded users, Basic, form) come from {@code %prod}, so this profile re-augments.
 */
public class ProdIdentityProfile implements QuarkusTestProfile {
    public static final String TEST_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Override
    public String getConfigProfile() {
        return "prod,test";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "h2",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:switchboard-prod-identity;DB_CLOSE_DELAY=-1",
                "quarkus.datasource.username", "sa",
                "quarkus.log.console.json.enabled", "false",
                "switchboard.encryption-key", TEST_ENCRYPTION_KEY);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MockOidcIssuer.class));
    }
}
