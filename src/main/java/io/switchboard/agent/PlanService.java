package io.switchboard.agent;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.jboss.logging.Logger;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import io.switchboard.apps.AppView;
import io.switchboard.web.ApiException;

/** Runs the planner for one request and returns the checked plan; never fails on what the model says. */
@ApplicationScoped
public class PlanService {
    private static final Logger LOG = Logger.getLogger(PlanService.class);
    public static final int MAX_PROMPT = 2000;

    @Inject
    Planner planner;
    @Inject
    PlanningSessions sessions;
    @Inject
    ConversationMemory memory;

    /** A one-off plan: the model's scratch memory is dropped afterwards. */
    public Plan plan(AppView app, String prompt) {
        String memoryId = ConversationMemory.SCRATCH_PREFIX + UUID.randomUUID();
        try {
            return run(app, requirePrompt(prompt), memoryId);
        } finally {
            memory.forget(memoryId);
        }
    }

    /** A plan inside a chat: the model sees the conversation so far, kept in the database. */
    public Plan planInConversation(AppView app, String prompt, String conversationId) {
        return run(app, requirePrompt(prompt), conversationId);
    }

    private Plan run(AppView app, String request, String memoryId) {
        PlanningSessions.Session session = sessions.open(memoryId, app);
        try {
            planner.plan(memoryId, request);
        } catch (RuntimeException e) {
            if (endpointFailed(e)) {
                LOG.warnf("Planner model endpoint failed: %s %s", e.getClass().getSimpleName(), e.getMessage());
                throw new ApiException(503, "The planner's model did not answer (it failed or timed out); nothing was"
                        + " planned or stored, try again in a minute.");
            }
            LOG.warnf("Planner failed: %s", e.getClass().getSimpleName());
        } finally {
            sessions.close(memoryId);
        }
        return session.outcome != null ? session.outcome
                : Plan.clarification("I could not work out a plan from that. Which tool should I use, and what should"
                        + " happen?", java.util.List.of());
    }

    /** The model's API was unreachable, slow or answered an error, as opposed to answering something unusable. */
    private static boolean endpointFailed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException || cause instanceof RetriableException
                    || cause instanceof NonRetriableException || cause instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    public static String requirePrompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw ApiException.badRequest("The prompt is empty: describe what should happen, for example \"Send me a"
                    + " daily email with my to-do list using Gmail\".");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw ApiException.badRequest("The prompt has " + prompt.length() + " characters; keep it to "
                    + MAX_PROMPT + " or fewer.");
        }
        return prompt.strip();
    }
}
