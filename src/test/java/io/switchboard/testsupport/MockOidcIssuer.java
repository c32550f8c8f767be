package io.switchboard.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OIDC issuer for tests: mock-oauth2-server on a free port, started before Quarkus boots so that
 * {@code quarkus.oidc.auth-server-url} can point at it. Tests receive the server through a field annotated
 * with {@link InjectMockOidcIssuer} and issue tokens with it.
 */
public class MockOidcIssuer implements QuarkusTestResourceLifecycleManager {
    /** The issuer id: the path segment of the issuer URL. */
    public static final String ISSUER_ID = "switchboard";
    /** The client id Quarkus is configured with (the %prod default) and the audience of issued tokens. */
    public static final String CLIENT_ID = "switchboard";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectMockOidcIssuer {
    }

    private MockOAuth2Server server;

    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server();
        server.start();
        return Map.of(
                "quarkus.oidc.auth-server-url", server.issuerUrl(ISSUER_ID).toString(),
                "quarkus.oidc.client-id", CLIENT_ID);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectMockOidcIssuer.class, MockOAuth2Server.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
