package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Starts the packaged jar as its own process with {@code QUARKUS_PROFILE=prod} and checks that the production
 * guard refuses to start it.
 *
 * <p>The jar built by {@code ./mvnw package} is the embedded build: H2 driver, Basic, form login and the demo
 * users' realm are fixed at build time. Under {@code QUARKUS_PROFILE=prod} Quarkus only warns that those build-time
 * values differ from the prod ones; what fails first is Quarkus' own runtime initialisation, before any
 * StartupEvent observer: an empty OIDC issuer URL, or the prod PostgreSQL URL handed to the H2 driver (Flyway
 * cannot connect). {@link #prodDefaults_onTheEmbeddedBuild_failInDatasourceSetupBeforeTheGuard()} records that.
 * The guard cases therefore give the process a working issuer (mock-oauth2-server) and an H2 in-memory URL,
 * so that the only thing wrong is what each case is about, and it is the guard that stops the process.
 */
class ProdStartupIT {
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final String REFUSAL = "Switchboard refuses to start with the prod profile";
    static final String DEMO_USERS_SWITCHED_ON = "Demo users are switched on";
    static final String DEMO_USERS_BUILT_IN = "demo users and password login built in";
    static final String KEY_NOT_SET = "SWITCHBOARD_ENCRYPTION_KEY (switchboard.encryption-key) is not set";
    static final String VALID_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    static MockOAuth2Server issuer;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startIssuer() {
        assertThat(JAR).as("the packaged application (run after package)").exists();
        issuer = new MockOAuth2Server();
        issuer.start();
    }

    @AfterAll
    static void stopIssuer() {
        if (issuer != null) {
            issuer.shutdown();
        }
    }

    @Test
    void demoUsersSwitchedOn_refusesToStart() throws Exception {
        Result result = run(Map.of(
                "QUARKUS_SECURITY_USERS_EMBEDDED_ENABLED", "true",
                "SWITCHBOARD_ENCRYPTION_KEY", VALID_KEY));

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains(REFUSAL)
                .contains(DEMO_USERS_SWITCHED_ON)
                .contains("quarkus.security.users.embedded.enabled=true")
                .doesNotContain("SWITCHBOARD_ENCRYPTION_KEY (switchboard.encryption-key)")
                .doesNotContain("Listening on");
    }

    @Test
    void missingEncryptionKey_refusesToStart() throws Exception {
        Result result = run(Map.of());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains(REFUSAL)
                .contains(KEY_NOT_SET)
                .doesNotContain(DEMO_USERS_SWITCHED_ON)
                .doesNotContain("Listening on");
    }

    @Test
    void embeddedBuild_underProd_refusesEvenWithoutTheFlag() throws Exception {
        // Nothing asks for demo users at run time, but this jar has them built in and they would answer.
        Result result = run(Map.of("SWITCHBOARD_ENCRYPTION_KEY", VALID_KEY));

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains(REFUSAL)
                .contains(DEMO_USERS_BUILT_IN)
                .contains("-Dquarkus.profile=prod")
                .doesNotContain(DEMO_USERS_SWITCHED_ON)
                .doesNotContain(KEY_NOT_SET);
    }

    @Test
    void prodDefaults_onTheEmbeddedBuild_failInDatasourceSetupBeforeTheGuard() throws Exception {
        // Honest record of the ordering: with the prod PostgreSQL URL on this H2 build, Quarkus stops in
        // datasource/Flyway set-up, which runs before any StartupEvent observer, so the guard never speaks.
        Result result = run(Map.of("SWITCHBOARD_DB_URL", "", "SWITCHBOARD_DB_USER", ""));

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains("jdbc:postgresql://127.0.0.1:5432/switchboard")
                .doesNotContain(REFUSAL);
    }

    record Result(int exitCode, String output) {
    }

    /**
     * Runs the jar with the prod profile and a clean environment (no inherited QUARKUS_ or SWITCHBOARD_ variables).
     * An empty value in {@code env} removes that variable instead of setting it.
     */
    Result run(Map<String, String> env) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dataDir, "switchboard", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("SWITCHBOARD_"));
        environment.put("QUARKUS_PROFILE", "prod");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
        environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        environment.put("SWITCHBOARD_OIDC_ISSUER", issuer.issuerUrl("switchboard").toString());
        // the embedded build carries the H2 driver: give it an H2 URL so the datasource is not what fails
        environment.put("SWITCHBOARD_DB_URL", "jdbc:h2:mem:prod-startup-it");
        environment.put("SWITCHBOARD_DB_USER", "sa");
        env.forEach((name, value) -> {
            if (value.isEmpty()) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });

        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail("Still running after 60 s; output:%n%s", Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
