package io.switchboard.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

/** Where pages send the browser next, and the small bits of wording they share. */
final class Links {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private Links() {
    }

    /** 303 See Other: after a form post the browser asks for the page again with GET. */
    static Response seeOther(String pathAndQuery) {
        return Response.seeOther(URI.create(pathAndQuery)).build();
    }

    static String app(String appId, String page) {
        return "/apps/" + encode(appId) + "/" + page;
    }

    static String chat(String appId, String conversationId) {
        return app(appId, "chat") + "?conversation=" + encode(conversationId);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("The form did not say which " + what + " it was for; reload the page and try again.");
        }
        return value.strip();
    }

    static String when(Instant instant, ZoneId zone) {
        return instant == null ? null : WHEN.format(instant.atZone(zone));
    }

    /** The value of one query parameter of {@code url}, decoded. */
    static Optional<String> queryParam(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return Optional.of(URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    static String capitalized(String text) {
        return text == null || text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
