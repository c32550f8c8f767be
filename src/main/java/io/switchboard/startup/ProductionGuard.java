package io.switchboard.startup;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;

/**
 * Refuses to start the {@code prod} profile with demo identities or without a usable encryption key.
 *
 * <p>Runs as the first {@link StartupEvent} observer. Quarkus finishes its own runtime initialisation
 * (datasource and Flyway, OIDC discovery) before any StartupEvent, so a failure there is reported by
 * Quarkus first; once those succeed, this check runs before the other start-up observers.
 *
 * <p>{@code quarkus.security.users.embedded.enabled} is a build-time property: a jar packaged with the
 * embedded defaults keeps its demo users and password login even when {@code QUARKUS_PROFILE=prod} says
 * otherwise at run time, and the ordinary config lookup then answers the value fixed at build time (from the
 * "BuildTime RunTime Fixed" source), hiding what the environment asks for. So the guard checks two things:
 * what the run-time sources (environment, system properties, application.properties under the active
 * profiles) ask for, and whether the build installed the demo users or another username/password identity
 * provider.
 */
@ApplicationScoped
public class ProductionGuard {
    public static final String PROD_PROFILE = "prod";
    public static final String EMBEDDED_USERS_KEY = "quarkus.security.users.embedded.enabled";
    public static final String ENCRYPTION_KEY = "switchboard.encryption-key";
    public static final String ENCRYPTION_KEY_ENV = "SWITCHBOARD_ENCRYPTION_KEY";
    public static final int KEY_BYTES = 32;
    /** Quarkus' config source holding the build-time values; it outranks every run-time source. */
    static final String BUILD_TIME_FIXED_SOURCE = "BuildTime RunTime Fixed";

    @Inject
    Instance<IdentityProvider<UsernamePasswordAuthenticationRequest>> passwordProviders;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        List<String> profiles = ConfigUtils.getProfiles();
        List<String> problems = problems(
                profiles,
                requestedAtRunTime(config.getConfigSources(), profiles, EMBEDDED_USERS_KEY),
                passwordLoginInstalled() || config.getOptionalValue(EMBEDDED_USERS_KEY, Boolean.class).orElse(false),
                config.getOptionalValue(ENCRYPTION_KEY, String.class).orElse(null));
        if (!problems.isEmpty()) {
            throw new ProductionMisconfiguredException(problems);
        }
    }

    /** Whether this build can authenticate a username and password (the demo users' realm, for one). */
    public boolean passwordLoginInstalled() {
        return !passwordProviders.isUnsatisfied();
    }

    /**
     * Whether the run-time configuration turns {@code name} on, ignoring the values fixed at build time. Sources
     * come highest ordinal first (as {@link Config#getConfigSources()} gives them) and profiles highest priority
     * first (as {@link ConfigUtils#getProfiles()} gives them); within one source a profiled name wins over the
     * plain one, across sources the higher ordinal wins, as in SmallRye Config's own lookup.
     */
    static boolean requestedAtRunTime(Iterable<ConfigSource> sources, List<String> profiles, String name) {
        for (ConfigSource source : sources) {
            if (BUILD_TIME_FIXED_SOURCE.equals(source.getName())) {
                continue;
            }
            for (String profile : profiles) {
                String value = source.getValue("%" + profile + "." + name);
                if (value != null) {
                    return Boolean.parseBoolean(value.strip());
                }
            }
            String value = source.getValue(name);
            if (value != null) {
                return Boolean.parseBoolean(value.strip());
            }
        }
        return false;
    }

    /**
     * The reasons not to start, empty when starting is fine. Outside the {@code prod} profile there are none.
     *
     * @param profiles the active configuration profiles
     * @param embeddedUsersEnabled whether the run-time configuration sets {@value #EMBEDDED_USERS_KEY} to true
     * @param passwordLoginInstalled whether the build installed the demo users or another username/password
     *            identity provider
     * @param encryptionKey the value of {@value #ENCRYPTION_KEY}, {@code null} when unset; never echoed
     */
    public static List<String> problems(List<String> profiles, boolean embeddedUsersEnabled,
            boolean passwordLoginInstalled, String encryptionKey) {
        List<String> problems = new ArrayList<>();
        if (profiles == null || !profiles.contains(PROD_PROFILE)) {
            return problems;
        }
        if (embeddedUsersEnabled) {
            problems.add("Demo users are switched on (" + EMBEDDED_USERS_KEY + "=true, for example through "
                    + "QUARKUS_SECURITY_USERS_EMBEDDED_ENABLED): the prod profile accepts only OIDC bearer tokens. "
                    + "Remove that setting.");
        }
        if (passwordLoginInstalled) {
            problems.add("This build has the demo users and password login built in (it was packaged with the "
                    + "embedded defaults): package it with ./mvnw package -Dquarkus.profile=prod before running it "
                    + "with QUARKUS_PROFILE=prod.");
        }
        String keyProblem = encryptionKeyProblem(encryptionKey);
        if (keyProblem != null) {
            problems.add(keyProblem);
        }
        return problems;
    }

    /** Why the key is unusable, or {@code null} when it is the base64 of exactly 32 bytes. */
    static String encryptionKeyProblem(String encryptionKey) {
        String advice = " Set it to the base64 of 32 random bytes, for example the output of: openssl rand -base64 32";
        if (encryptionKey == null || encryptionKey.isBlank()) {
            return ENCRYPTION_KEY_ENV + " (" + ENCRYPTION_KEY + ") is not set: the prod profile needs it to "
                    + "encrypt stored connection tokens." + advice;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encryptionKey.strip());
        } catch (IllegalArgumentException e) {
            return ENCRYPTION_KEY_ENV + " (" + ENCRYPTION_KEY + ") is not valid base64." + advice;
        }
        if (key.length != KEY_BYTES) {
            return ENCRYPTION_KEY_ENV + " (" + ENCRYPTION_KEY + ") decodes to " + key.length
                    + " bytes, it must be exactly " + KEY_BYTES + "." + advice;
        }
        return null;
    }

    /** Thrown from start-up; Quarkus logs it and the process exits with a non-zero status. */
    public static class ProductionMisconfiguredException extends IllegalStateException {
        private final List<String> problems;

        public ProductionMisconfiguredException(List<String> problems) {
            super("Switchboard refuses to start with the prod profile: " + String.join(" ", number(problems)));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }

        private static List<String> number(List<String> problems) {
            List<String> numbered = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                numbered.add("(" + (i + 1) + ") " + problems.get(i));
            }
            return numbered;
        }
    }
}
