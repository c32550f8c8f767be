package io.switchboard.agent.offline;

/** A condition on one field of the source record, such as priority = urgent or done = true. */
public record FieldFilter(String field, String value) {
}
