package io.switchboard.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a form post made in a signed-in person's name unless it carries the CSRF token of a page we rendered.
 * <p>
 * CSRF abuses the credentials a browser sends by itself: the session cookie and cached Basic credentials, and a
 * cross-site page can only make a browser send a form (urlencoded, multipart) without a CORS preflight. So the check
 * covers form posts of a signed-in caller. Machine-to-machine form posts (the sandbox provider's token and revoke
 * endpoints, which authenticate the OAuth client, not a person) carry no user and pass; JSON APIs need no token.
 * quarkus-rest-csrf cannot exempt those token endpoints (it refuses every form post without its cookie,
 * quarkusio/quarkus#53715), hence this filter.
 */
public class CsrfGuard {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod()) || !isForm(request.getMediaType()) || identity.isAnonymous()) {
            return;
        }
        Optional<String> expected = CsrfToken.fromCookie(routing);
        String sent = request.getHeaderString(CsrfToken.HEADER);
        if (sent == null) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(CsrfToken.FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (expected.isEmpty() || sent == null || !MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.forbidden("This form has expired or was not sent from a Switchboard page."
                    + " Go back, reload the page and try again.");
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && ("application".equalsIgnoreCase(type.getType())
                && "x-www-form-urlencoded".equalsIgnoreCase(type.getSubtype())
                || "multipart".equalsIgnoreCase(type.getType()) && "form-data".equalsIgnoreCase(type.getSubtype()));
    }
}
