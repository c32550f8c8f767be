package io.switchboard.web;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Every error leaves as JSON {@code {"error": "..."}}, or as a page with the same sentence when a browser asked for a
 * page; clients never see a stack trace.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    CurrentVertxRequest request;
    @ConfigProperty(name = "quarkus.http.auth.form.error-page")
    Optional<String> loginErrorPage;
    @ConfigProperty(name = "quarkus.http.auth.form.login-page")
    Optional<String> loginPage;
    @ConfigProperty(name = "quarkus.http.auth.form.enabled")
    boolean formLogin;
    @ConfigProperty(name = "quarkus.http.auth.basic")
    boolean basicAuth;

    public static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    private Response respond(int status, String message) {
        return ErrorPage.wanted(request.getCurrent()) ? ErrorPage.response(status, message) : error(status, message);
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e) {
        return Response.fromResponse(respond(e.status(), e.getMessage()))
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(400, describe(e));
    }

    /** Registered for the exact type so it wins over Quarkus REST's built-in handler, which sends no body. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return respond(400, describe(e));
    }

    @ServerExceptionMapper
    public Response parse(com.fasterxml.jackson.core.JsonParseException e) {
        return respond(400, describe(e));
    }

    /** A browser without a session is sent to the login form, as on the pages, wherever it lands (the callback too). */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        if (formLogin && ErrorPage.wanted(request.getCurrent()) && loginPage.isPresent()) {
            return Response.status(Response.Status.FOUND).location(java.net.URI.create(loginPage.get())).build();
        }
        return challenge(respond(401, "Sign in first: this needs an authenticated user."));
    }

    /** RFC 9110: a 401 names the scheme the caller should sign in with. */
    private Response challenge(Response refusal) {
        String scheme = basicAuth ? "Basic realm=\"switchboard\"" : "Bearer";
        return Response.fromResponse(refusal).header(HttpHeaders.WWW_AUTHENTICATE, scheme).build();
    }

    /**
     * A wrong password on the login form goes back to the form (as the form mechanism would do without this mapper),
     * not to a 401 a browser shows as a dead end.
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        var routing = request.getCurrent();
        if (routing != null && routing.normalizedPath().equals("/j_security_check") && loginErrorPage.isPresent()) {
            return Response.status(Response.Status.FOUND).location(java.net.URI.create(loginErrorPage.get())).build();
        }
        return challenge(respond(401, "Sign in first: the credentials were not accepted."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "You are not allowed to do this.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 415) {
            return respond(415, "Send the body as application/json.");
        }
        if (status == 405) {
            return respond(405, "This method is not allowed on this path.");
        }
        if (status == 404) {
            return respond(404, "Nothing is here: check the path.");
        }
        if (status == 406) {
            return respond(406, "This endpoint answers application/json.");
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(400, describe(json));
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(500, "Something went wrong on our side; nothing you sent was changed.");
        }
        return respond(status, e.getMessage() == null ? "The request was not accepted." : e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return respond(500, "Something went wrong on our side; nothing you sent was changed.");
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "': remove it or check its spelling.";
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return "Field '" + path(f) + "' has the wrong type: " + f.getValue() + " is not a "
                    + f.getTargetType().getSimpleName().toLowerCase() + ".";
        }
        if (e instanceof MismatchedInputException m) {
            return m.getPath().isEmpty() ? "The body has the wrong shape: send a JSON object."
                    : "Field '" + path(m) + "' has the wrong shape or type.";
        }
        return "The body is not valid JSON: " + e.getOriginalMessage();
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
