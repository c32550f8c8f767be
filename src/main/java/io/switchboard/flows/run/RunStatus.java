package io.switchboard.flows.run;

public enum RunStatus {
    queued,
    running,
    succeeded,
    failed,
    retrying
}
