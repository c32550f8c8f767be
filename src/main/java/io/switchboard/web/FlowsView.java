package io.switchboard.web;

import java.time.Instant;
import java.util.List;

/**
 * What the Flows page shows and does, implemented by the flows feature.
 * <p>
 * Implementations check who may see and change what (and throw {@link ApiException} 403/404 like the REST resources);
 * the page only hides buttons that {@link FlowRow#changeable()} says would be refused.
 */
public interface FlowsView {

    /**
     * One flow as a person reads it.
     *
     * @param sentence what the flow does, in one sentence: "Every day at 08:00 (Europe/Paris), email you your open
     *        todos with Gmail."
     * @param connector the connector id, as in the catalog
     * @param status {@code active}, {@code paused}, {@code needs_approval} or {@code needs_reconnect}
     * @param statusReason why it is not active, in words; null when active
     * @param connectionId the connection the flow uses (for the Reconnect button); null when it has none
     * @param changeable whether this user may run, pause and resume it
     * @param recentRuns newest first, a handful at most
     * @param missing who a per-user flow skips and why, in one sentence; null when it acts for everyone
     */
    record FlowRow(String id, String name, String sentence, String connector, String status, String statusReason,
            String connectionId, boolean changeable, List<RunRow> recentRuns, String missing) {
    }

    /**
     * One run.
     *
     * @param status {@code queued}, {@code running}, {@code succeeded}, {@code failed} or {@code retrying}
     * @param error what went wrong, in words a person can act on; null when nothing did
     */
    record RunRow(String id, String status, int attempts, Instant queuedAt, Instant finishedAt, String error) {
    }

    /** The flows of the app that {@code user} may see, in a stable order. */
    List<FlowRow> flows(String appId, String user);

    /** Queues a run now; returns its id. */
    String runNow(String appId, String flowId, String user);

    void pause(String appId, String flowId, String user);

    void resume(String appId, String flowId, String user);
}
