package io.switchboard.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.config.EnvConfigSource;

/** The start-up decision as a table: no Quarkus, no configuration. */
class ProductionGuardTest {
    static final String KEY_32 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_16 = Base64.getEncoder().encodeToString(new byte[16]);
    static final String KEY_33 = Base64.getEncoder().encodeToString(new byte[33]);

    /**
     * profiles | embedded users on | password login installed | key | expected problems (fragments, ';' separated,
     * '-' for none).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            embedded defaults with demo users      | embedded  | true  | true  | NULL      | -
            test profile, nothing set              | test      | false | true  | NULL      | -
            dev profile, demo users                | dev       | true  | true  | NULL      | -
            prod, all good                         | prod      | false | false | KEY_32    | -
            prod among other profiles, all good    | prod,test | false | false | KEY_32    | -
            prod, demo users switched on           | prod      | true  | false | KEY_32    | Demo users are switched on
            prod, jar built with demo users        | prod      | false | true  | KEY_32    | demo users and password login built in
            prod, both demo-user problems          | prod      | true  | true  | KEY_32    | Demo users are switched on;password login built in
            prod, key missing                      | prod      | false | false | NULL      | is not set
            prod, key empty                        | prod      | false | false | ''        | is not set
            prod, key blank                        | prod      | false | false | '   '     | is not set
            prod, key not base64                   | prod      | false | false | not*b64!  | is not valid base64
            prod, key of 16 bytes                  | prod      | false | false | KEY_16    | decodes to 16 bytes, it must be exactly 32
            prod, key of 33 bytes                  | prod      | false | false | KEY_33    | decodes to 33 bytes
            prod, key with surrounding spaces      | prod      | false | false | ' KEY_32 '| -
            prod, everything wrong                 | prod      | true  | true  | NULL      | Demo users are switched on;password login built in;is not set
            prod inside other profiles, key wrong  | prod,test | false | false | KEY_16    | decodes to 16 bytes
            """)
    void decision(String caseName, String profiles, boolean embeddedUsers, boolean passwordLogin, String key,
            String expected) {
        List<String> problems = ProductionGuard.problems(Arrays.asList(profiles.split(",")), embeddedUsers,
                passwordLogin, key == null ? null : expand(key));

        if (expected.equals("-")) {
            assertThat(problems).isEmpty();
        } else {
            String[] fragments = expected.split(";");
            assertThat(problems).hasSize(fragments.length);
            for (int i = 0; i < fragments.length; i++) {
                assertThat(problems.get(i)).contains(fragments[i]);
            }
        }
    }

    @Test
    void keyProblems_nameTheVariable_andNeverEchoTheKey() {
        String secretish = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
        List<String> problems = ProductionGuard.problems(List.of("prod"), false, false, secretish);
        assertThat(problems).singleElement().asString()
                .contains("SWITCHBOARD_ENCRYPTION_KEY")
                .contains("switchboard.encryption-key")
                .doesNotContain(secretish);
    }

    @Test
    void exception_numbersEveryProblem() {
        var e = new ProductionGuard.ProductionMisconfiguredException(List.of("First.", "Second."));
        assertThat(e.getMessage())
                .isEqualTo("Switchboard refuses to start with the prod profile: (1) First. (2) Second.");
        assertThat(e.problems()).containsExactly("First.", "Second.");
    }

    /** The run-time view of the demo-users switch, against sources shaped like the packaged jar's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            embedded jar under prod, nothing set     | prod      | NULL  | NULL  | false
            env switches it on                       | prod      | true  | NULL  | true
            env switches it off explicitly           | prod      | false | NULL  | false
            profiled env switches it on              | prod      | NULL  | true  | true
            embedded profile keeps the base line     | embedded  | NULL  | NULL  | true
            test over prod: prod line applies        | test,prod | NULL  | NULL  | false
            """)
    void requestedAtRunTime_ignoresTheBuildTimeValue(String caseName, String profiles, String env,
            String profiledEnv, boolean expected) {
        Map<String, String> environment = new HashMap<>();
        if (env != null) {
            environment.put("QUARKUS_SECURITY_USERS_EMBEDDED_ENABLED", env);
        }
        if (profiledEnv != null) {
            environment.put("_PROD_QUARKUS_SECURITY_USERS_EMBEDDED_ENABLED", profiledEnv);
        }
        List<ConfigSource> sources = List.of(
                // what the embedded build fixed: outranks everything and must be ignored
                new MapSource(ProductionGuard.BUILD_TIME_FIXED_SOURCE, Integer.MAX_VALUE,
                        Map.of(ProductionGuard.EMBEDDED_USERS_KEY, "true")),
                new EnvConfigSource(environment, 300),
                new MapSource("application.properties", 250, Map.of(
                        ProductionGuard.EMBEDDED_USERS_KEY, "true",
                        "%prod." + ProductionGuard.EMBEDDED_USERS_KEY, "false")));

        assertThat(ProductionGuard.requestedAtRunTime(sources, Arrays.asList(profiles.split(",")),
                ProductionGuard.EMBEDDED_USERS_KEY)).isEqualTo(expected);
    }

    /** A config source with an exact name, as Quarkus names its build-time one. */
    record MapSource(String getName, int getOrdinal, Map<String, String> values) implements ConfigSource {
        @Override
        public java.util.Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String propertyName) {
            return values.get(propertyName);
        }
    }

    private static String expand(String key) {
        return key.replace("KEY_32", KEY_32).replace("KEY_16", KEY_16).replace("KEY_33", KEY_33);
    }
}
