package io.switchboard.flows;

/** Whether a flow's triggers fire; the last two say what a person has to do first. */
public enum FlowStatus {
    active,
    paused,
    needs_approval,
    needs_reconnect
}
