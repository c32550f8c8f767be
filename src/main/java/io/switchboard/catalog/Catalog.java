package io.switchboard.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/** The connectors Switchboard can use, loaded and validated once at start-up. A bad file stops the start. */
@Startup
@ApplicationScoped
public class Catalog {
    private final Map<String, Connector> connectors;
    private final Map<String, Action> actions;
    private final ConnectorSettings settings;

    public record ClientCredentials(String clientId, String clientSecret) {
    }

    @Inject
    public Catalog(CatalogConfig catalogConfig, ConnectorSettings settings) {
        this.settings = settings;
        Map<String, String> files = catalogConfig.dir().map(CatalogFiles::fromDirectory)
                .orElseGet(() -> CatalogFiles.fromClasspath(Thread.currentThread().getContextClassLoader()));
        CatalogLoader.Result result = new CatalogLoader().load(files);
        if (files.isEmpty()) {
            throw new IllegalStateException("No connector files found under catalog/");
        }
        if (!result.errors().isEmpty()) {
            throw new IllegalStateException("The connector catalog is invalid:\n  " + String.join("\n  ", result.errors()));
        }
        this.connectors = result.connectors().stream()
                .sorted(Comparator.comparing(Connector::name))
                .collect(Collectors.toMap(Connector::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        this.actions = result.connectors().stream().flatMap(c -> c.actions().stream())
                .collect(Collectors.toMap(Action::id, Function.identity()));
    }

    public List<Connector> all() {
        return List.copyOf(connectors.values());
    }

    public Optional<Connector> connector(String id) {
        return Optional.ofNullable(connectors.get(id));
    }

    public Optional<Action> action(String actionId) {
        return Optional.ofNullable(actions.get(actionId));
    }

    /** Connectors whose name, aliases, description or actions mention every word of {@code query}. */
    public List<Connector> search(String query, String category) {
        List<String> words = query == null ? List.of()
                : List.of(query.toLowerCase(Locale.ROOT).trim().split("\\s+")).stream().filter(w -> !w.isBlank()).toList();
        return connectors.values().stream()
                .filter(c -> category == null || category.isBlank() || c.category().equals(category))
                .filter(c -> words.stream().allMatch(w -> searchText(c).contains(w)))
                .toList();
    }

    /** The OAuth client configured for a connector; empty means "not configured" (the sandbox stands in). */
    public Optional<ClientCredentials> client(String connectorId) {
        return settings.get(connectorId, "client-id")
                .map(clientId -> new ClientCredentials(clientId, settings.get(connectorId, "client-secret").orElse("")));
    }

    private static String searchText(Connector c) {
        return (c.id() + " " + c.name() + " " + c.category() + " " + c.description() + " " + String.join(" ", c.aliases())
                + " " + c.actions().stream().map(a -> a.name() + " " + a.description()).collect(Collectors.joining(" ")))
                .toLowerCase(Locale.ROOT);
    }
}
