package io.switchboard.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * What the operator set for each connector ({@code switchboard.connectors.<id>.<key>}: OAuth client, endpoint
 * overrides, API base URLs). Each value is read from the configuration once: it does not change while the service
 * runs, and every flow run asks for several of them.
 */
@ApplicationScoped
public class ConnectorSettings {
    @Inject
    Config config;
    private final Map<String, Optional<String>> values = new ConcurrentHashMap<>();

    /** The setting's value; empty when it is not set or blank. */
    public Optional<String> get(String connectorId, String key) {
        return values.computeIfAbsent(connectorId + "." + key, name -> config
                .getOptionalValue("switchboard.connectors." + name, String.class).filter(value -> !value.isBlank()));
    }
}
