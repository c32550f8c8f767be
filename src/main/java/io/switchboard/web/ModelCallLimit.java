package io.switchboard.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Per-user sliding-window limit on {@link ModelCall} endpoints, so one account cannot exhaust the planner model. In
 * memory: each instance counts its own calls, which bounds a user to the limit times the number of instances.
 */
@ApplicationScoped
public class ModelCallLimit {
    private final Map<String, Deque<Instant>> calls = new ConcurrentHashMap<>();

    @Inject
    RateLimitConfig config;
    @Inject
    Clock clock;
    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public void count(ResourceInfo resource) {
        if (identity.isAnonymous() || resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(ModelCall.class)) {
            return;
        }
        Instant now = clock.instant();
        Duration window = config.window();
        Deque<Instant> mine = calls.computeIfAbsent(identity.getPrincipal().getName(), user -> new ArrayDeque<>());
        synchronized (mine) {
            while (!mine.isEmpty() && !mine.peekFirst().isAfter(now.minus(window))) {
                mine.removeFirst();
            }
            if (mine.size() >= config.modelCalls()) {
                long wait = Math.max(1, (Duration.between(now, mine.peekFirst().plus(window)).toMillis() + 999) / 1000);
                throw new TooManyRequestsException("You have sent " + mine.size() + " requests to the planner in the last "
                        + describe(window) + "; wait " + wait + " seconds and try again.", wait);
            }
            mine.addLast(now);
        }
    }

    private static String describe(Duration window) {
        long seconds = window.toSeconds();
        return seconds % 60 == 0 ? (seconds == 60 ? "minute" : seconds / 60 + " minutes") : seconds + " seconds";
    }
}
