package io.switchboard.web;

import jakarta.ws.rs.core.Response.Status;

/** A caller's mistake or a refusal, answered as {@code {"error": message}} with the given status. */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST.getStatusCode(), message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND.getStatusCode(), message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(Status.FORBIDDEN.getStatusCode(), message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(Status.CONFLICT.getStatusCode(), message);
    }
}
