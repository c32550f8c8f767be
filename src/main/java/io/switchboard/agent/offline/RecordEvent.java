package io.switchboard.agent.offline;

/** The change to an app record that a request reacts to. */
public enum RecordEvent {
    CREATED, UPDATED, DELETED
}
