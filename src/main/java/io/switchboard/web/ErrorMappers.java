package io.switchboard.web;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

/** Every error leaves as JSON {@code {"error": "..."}}; clients never see a stack trace. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    public static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return error(400, describe(e));
    }

    /** Registered for the exact type so it wins over Quarkus REST's built-in handler, which sends no body. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return error(400, describe(e));
    }

    @ServerExceptionMapper
    public Response parse(com.fasterxml.jackson.core.JsonParseException e) {
        return error(400, describe(e));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return error(401, "Sign in first: this needs an authenticated user.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return error(401, "Sign in first: the credentials were not accepted.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "You are not allowed to do this.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 415) {
            return error(415, "Send the body as application/json.");
        }
        if (status == 405) {
            return error(405, "This method is not allowed on this path.");
        }
        if (status == 404) {
            return error(404, "Nothing is here: check the path.");
        }
        if (status == 406) {
            return error(406, "This endpoint answers application/json.");
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return error(400, describe(json));
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return error(500, "Something went wrong on our side; nothing you sent was changed.");
        }
        return error(status, e.getMessage() == null ? "The request was not accepted." : e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return error(500, "Something went wrong on our side; nothing you sent was changed.");
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
