package io.switchboard.catalog;

import java.util.List;
import java.util.Optional;

/** One connector as declared in {@code catalog/<id>.yaml}. */
public record Connector(String id, String name, String category, String description, List<String> aliases,
        String apiBaseUrl, AuthSpec auth, List<Scope> scopes, List<Action> actions, List<String> examplePrompts,
        List<String> notes) {

    public Optional<Action> action(String actionId) {
        return actions.stream().filter(a -> a.id().equals(actionId)).findFirst();
    }

    public Optional<Scope> scope(String scopeId) {
        return scopes.stream().filter(s -> s.id().equals(scopeId)).findFirst();
    }

    public String describeScope(String scopeId) {
        return scope(scopeId).map(Scope::description).orElse(scopeId);
    }
}
