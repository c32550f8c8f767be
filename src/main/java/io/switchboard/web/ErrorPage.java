package io.switchboard.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** Errors for people in a browser: the same sentence the API would send, as a page with a way back. */
final class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    private ErrorPage() {
    }

    /** A browser asking for a page (not the API, not Quarkus's own endpoints) is answered with HTML. */
    static boolean wanted(RoutingContext routing) {
        if (routing == null) {
            return false;
        }
        String path = routing.normalizedPath();
        String accept = routing.request().getHeader("Accept");
        return !path.startsWith("/api/") && !path.startsWith("/q/") && accept != null && accept.contains("text/html");
    }

    static Response response(int status, String message) {
        String title = switch (status) {
            case 400 -> "That did not work";
            case 401 -> "Sign in first";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "That is no longer possible";
            default -> status >= 500 ? "Something went wrong" : "That did not work";
        };
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message).render()).build();
    }
}
