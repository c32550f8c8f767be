package io.switchboard.actions;

/** What the provider created: its id and a link a person can open, when the provider gives them. */
public record ActionResult(String resultId, String resultLink) {
}
