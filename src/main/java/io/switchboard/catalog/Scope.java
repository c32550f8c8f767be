package io.switchboard.catalog;

/** A provider scope and the sentence a person reads on the permission review. */
public record Scope(String id, String description) {
}
