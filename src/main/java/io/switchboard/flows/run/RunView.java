package io.switchboard.flows.run;

import java.time.Instant;

/** One run as the run history shows it. */
public record RunView(String id, RunStatus status, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt,
        Instant nextAttemptAt, String error, String resultId, String resultLink, int skippedUsers) {

    public static RunView of(FlowRun run) {
        return new RunView(run.id, run.status, run.attempts, run.createdAt, run.startedAt, run.finishedAt,
                run.nextAttemptAt, run.error, run.resultId, run.resultLink, run.skippedUsers);
    }
}
