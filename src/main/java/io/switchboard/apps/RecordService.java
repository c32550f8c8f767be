package io.switchboard.apps;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import com.fasterxml.jackson.core.type.TypeReference;

import io.switchboard.web.ApiException;

/** Records of an app's entities: validated against the entity, each change published as an app event. */
@ApplicationScoped
public class RecordService {
    static final int MAX_RECORD_BYTES = 64 * 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    Clock clock;
    @Inject
    AppService apps;
    @Inject
    Event<RecordChange> changes;

    public record StoredRecord(String id, String entity, Map<String, Object> data, String createdBy,
            java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    @Transactional
    public StoredRecord create(String appId, String entityName, Map<String, Object> data, String user) {
        EntityDef entity = entity(appId, entityName, user);
        Map<String, Object> values = validate(entity, data);
        AppRecord record = new AppRecord();
        record.id = UUID.randomUUID().toString();
        record.appId = appId;
        record.entity = entity.name();
        record.data = JsonColumn.write(values);
        record.createdBy = user;
        record.createdAt = clock.instant();
        record.updatedAt = record.createdAt;
        record.persist();
        publish(record, RecordChange.Kind.CREATED, values);
        return stored(record);
    }

    public List<StoredRecord> list(String appId, String entityName, String user) {
        EntityDef entity = entity(appId, entityName, user);
        return AppRecord.ofEntity(appId, entity.name()).stream().map(RecordService::stored).toList();
    }

    /** Records for a flow run; no caller check, the flow was authorised when it was written. */
    public List<StoredRecord> listForFlow(String appId, String entityName) {
        return AppRecord.ofEntity(appId, entityName).stream().map(RecordService::stored).toList();
    }

    public StoredRecord get(String appId, String entityName, String id, String user) {
        EntityDef entity = entity(appId, entityName, user);
        return stored(require(appId, entity.name(), id));
    }

    @Transactional
    public StoredRecord update(String appId, String entityName, String id, Map<String, Object> data, boolean merge,
            String user) {
        EntityDef entity = entity(appId, entityName, user);
        AppRecord record = require(appId, entity.name(), id);
        Map<String, Object> values = new LinkedHashMap<>();
        if (merge) {
            values.putAll(read(record));
        }
        values.putAll(validate(entity, data));
        requireSize(values);
        record.data = JsonColumn.write(values);
        record.updatedAt = clock.instant();
        publish(record, RecordChange.Kind.UPDATED, values);
        return stored(record);
    }

    @Transactional
    public void delete(String appId, String entityName, String id, String user) {
        EntityDef entity = entity(appId, entityName, user);
        AppRecord record = require(appId, entity.name(), id);
        Map<String, Object> values = read(record);
        record.delete();
        publish(record, RecordChange.Kind.DELETED, values);
    }

    private EntityDef entity(String appId, String entityName, String user) {
        AppView app = apps.view(appId, user);
        return app.entity(entityName).orElseThrow(() -> ApiException.badRequest("App '" + app.name()
                + "' has no entity '" + entityName + "'; it has: "
                + String.join(", ", app.entities().stream().map(EntityDef::name).toList()) + "."));
    }

    private static AppRecord require(String appId, String entity, String id) {
        AppRecord record = AppRecord.find(appId, entity, id);
        if (record == null) {
            throw ApiException.notFound("No " + entity + " record with id '" + id + "'.");
        }
        return record;
    }

    private void publish(AppRecord record, RecordChange.Kind kind, Map<String, Object> values) {
        changes.fire(new RecordChange(record.appId, record.entity, record.id, kind, values, record.createdBy,
                clock.instant()));
    }

    static Map<String, Object> validate(EntityDef entity, Map<String, Object> data) {
        if (data == null) {
            throw ApiException.badRequest("Send the record as a JSON object of field values.");
        }
        requireSize(data);
        Map<String, Object> values = new LinkedHashMap<>();
        for (var entry : data.entrySet()) {
            EntityDef.Field field = entity.field(entry.getKey()).orElseThrow(() -> ApiException.badRequest(
                    "Unknown field '" + entry.getKey() + "' for " + entity.name() + "; its fields are: "
                            + String.join(", ", entity.fields().stream().map(EntityDef.Field::name).toList()) + "."));
            values.put(field.name(), checked(entity, field, entry.getValue()));
        }
        return values;
    }

    /** Checked on what is sent and again on what a patch merges, so small patches cannot grow a record past it. */
    private static void requireSize(Map<String, Object> data) {
        if (JsonColumn.write(data).getBytes(StandardCharsets.UTF_8).length > MAX_RECORD_BYTES) {
            throw ApiException.badRequest("A record can hold at most 64 KiB; this one is larger.");
        }
    }

    private static Object checked(EntityDef entity, EntityDef.Field field, Object value) {
        if (value == null) {
            return null;
        }
        String where = entity.name() + "." + field.name();
        boolean ok = switch (field.type()) {
            case STRING, TEXT -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case EMAIL -> value instanceof String s && EMAIL.matcher(s).matches();
            case DATE -> value instanceof String s && parses(() -> LocalDate.parse(s));
            case DATETIME -> value instanceof String s
                    && (parses(() -> OffsetDateTime.parse(s)) || parses(() -> LocalDateTime.parse(s)));
        };
        if (!ok) {
            throw ApiException.badRequest("Field '" + where + "' must be " + expected(field.type()) + "; got "
                    + JsonColumn.write(value) + ".");
        }
        if (value instanceof String s && field.type() == FieldType.STRING && s.length() > 1000) {
            throw ApiException.badRequest("Field '" + where + "' is a string of at most 1000 characters; use a text field"
                    + " for longer values.");
        }
        return value;
    }

    private static String expected(FieldType type) {
        return switch (type) {
            case STRING, TEXT -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case EMAIL -> "an email address like ada@example.com";
            case DATE -> "a date like 2026-11-25";
            case DATETIME -> "a date and time like 2026-11-25T09:30:00Z";
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Map<String, Object> read(AppRecord record) {
        return JsonColumn.read(record.data, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    static StoredRecord stored(AppRecord record) {
        return new StoredRecord(record.id, record.entity, read(record), record.createdBy, record.createdAt,
                record.updatedAt);
    }
}
