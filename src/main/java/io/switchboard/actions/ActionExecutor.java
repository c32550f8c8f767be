package io.switchboard.actions;

import java.util.Map;

import io.switchboard.catalog.Action;
import io.switchboard.connections.AccessGrant;

/** Calls a provider to do one catalog action as one connection. */
public interface ActionExecutor {

    /**
     * @param inputs values by input name, already rendered and typed (strings, lists, maps)
     * @throws ProviderException when the provider refuses, fails or does not answer
     * @throws IllegalArgumentException when a required input is missing
     */
    ActionResult execute(Action action, Map<String, Object> inputs, AccessGrant grant);
}
