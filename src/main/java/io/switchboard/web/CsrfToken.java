package io.switchboard.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token a page puts in its forms: {@code <input type="hidden" name="{inject:csrf.parameterName}"
 * value="{inject:csrf.token}">}. The same value travels in an HttpOnly cookie, and {@link CsrfGuard} accepts a form
 * post only when the two match (double-submit cookie). The names match the quarkus-rest-csrf extension's, so templates
 * stay the same if that extension replaces this class.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {
    public static final String FIELD = "csrf-token";
    public static final String COOKIE = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";
    private static final int BYTES = 16;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CurrentVertxRequest request;

    private String token;

    /** The browser's token; a new one (and its cookie on this response) when the browser has none yet. */
    public String getToken() {
        if (token == null) {
            RoutingContext routing = request.getCurrent();
            token = fromCookie(routing).orElseGet(() -> issue(routing));
        }
        return token;
    }

    public String getParameterName() {
        return FIELD;
    }

    static Optional<String> fromCookie(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(v -> WELL_FORMED.matcher(v).matches());
    }

    private static String issue(RoutingContext routing) {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // a session cookie: it lives as long as the browser's session, like the sign-in it protects
        routing.response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
        return value;
    }
}
