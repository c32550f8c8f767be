package io.switchboard.apps;

import java.util.List;
import java.util.Optional;

/** One kind of record an app keeps, such as Todo or Ticket, with its typed fields. */
public record EntityDef(String name, List<Field> fields) {

    public record Field(String name, FieldType type) {
    }

    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
