package io.switchboard.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.apps.AppView;

/** What one planner call works on (its app) and what it ended with, keyed by the call's memory id. */
@ApplicationScoped
public class PlanningSessions {
    private final Map<Object, Session> sessions = new ConcurrentHashMap<>();

    public static final class Session {
        final AppView app;
        volatile Plan outcome;
        volatile int rejections;

        Session(AppView app) {
            this.app = app;
        }
    }

    Session open(Object memoryId, AppView app) {
        Session session = new Session(app);
        sessions.put(memoryId, session);
        return session;
    }

    Session get(Object memoryId) {
        Session session = sessions.get(memoryId);
        if (session == null) {
            throw new IllegalStateException("No planning session for this conversation");
        }
        return session;
    }

    void close(Object memoryId) {
        sessions.remove(memoryId);
    }
}
