package io.switchboard.apps;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** What other features know of an app: its structure, never its entity class. */
public record AppView(String id, String name, Plan plan, String timezone, List<EntityDef> entities, List<String> pages,
        String createdBy, Instant createdAt) {

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public Optional<EntityDef> entity(String entityName) {
        return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
    }
}
