package io.switchboard.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;

/**
 * The connectors Switchboard can use, loaded and validated once at start-up. A bad file stops the start.
 *
 * <p>The files are read and checked on a thread of their own while the rest of the start-up goes on; the start waits
 * for them before the service takes requests.
 */
@ApplicationScoped
public class Catalog {
    private final CompletableFuture<Contents> contents;
    private final ConnectorSettings settings;

    public record ClientCredentials(String clientId, String clientSecret) {
    }

    private record Contents(Map<String, Connector> connectors, Map<String, Action> actions) {
    }

    @Inject
    public Catalog(CatalogConfig catalogConfig, ConnectorSettings settings) {
        this.settings = settings;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.contents = CompletableFuture.supplyAsync(() -> read(catalogConfig, loader),
                task -> new Thread(task, "catalog-read").start());
    }

    /** Right after the production guard: creating the catalog starts reading it. */
    void startReading(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent start) {
    }

    /** Last of the start-up: the start waits for the catalog, and fails if it is invalid. */
    void awaitRead(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent start) {
        contents();
    }

    private static Contents read(CatalogConfig catalogConfig, ClassLoader loader) {
        Map<String, String> files = catalogConfig.dir().map(CatalogFiles::fromDirectory)
                .orElseGet(() -> CatalogFiles.fromClasspath(loader));
        CatalogLoader.Result result = new CatalogLoader().load(files);
        if (files.isEmpty()) {
            throw new IllegalStateException("No connector files found under catalog/");
        }
        if (!result.errors().isEmpty()) {
            throw new IllegalStateException("The connector catalog is invalid:\n  " + String.join("\n  ", result.errors()));
        }
        return new Contents(result.connectors().stream()
                .sorted(Comparator.comparing(Connector::name))
                .collect(Collectors.toMap(Connector::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new)),
                result.connectors().stream().flatMap(c -> c.actions().stream())
                        .collect(Collectors.toMap(Action::id, Function.identity())));
    }

    private Contents contents() {
        try {
            return contents.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public List<Connector> all() {
        return List.copyOf(contents().connectors().values());
    }

    public Optional<Connector> connector(String id) {
        return Optional.ofNullable(contents().connectors().get(id));
    }

    public Optional<Action> action(String actionId) {
        return Optional.ofNullable(contents().actions().get(actionId));
    }

    /** Connectors whose name, aliases, description or actions mention every word of {@code query}. */
    public List<Connector> search(String query, String category) {
        List<String> words = query == null ? List.of()
                : List.of(query.toLowerCase(Locale.ROOT).trim().split("\\s+")).stream().filter(w -> !w.isBlank()).toList();
        return contents().connectors().values().stream()
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
