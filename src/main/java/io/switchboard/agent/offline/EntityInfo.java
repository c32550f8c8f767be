package io.switchboard.agent.offline;

import java.util.List;

/** An app entity as the language parsers see it: its name and its fields. */
public record EntityInfo(String name, List<Field> fields) {

    public EntityInfo {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public record Field(String name, String type) {
    }
}
