package io.switchboard.flows.run;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.apps.EntityDef;
import io.switchboard.apps.FieldType;

/**
 * What an action gets for an input the flow leaves unset: Qute templates for text that reads well, values built in
 * code for rows, properties and dates. Both follow the entity's field order.
 */
final class DefaultInputs {
    private static final Set<String> DONE_FIELDS = Set.of("done", "completed", "complete", "closed", "resolved",
            "finished", "archived");
    private static final List<String> DETAIL_WORDS = List.of("priority", "severity", "status", "stage");
    private static final Set<FieldType> TEXT = Set.of(FieldType.STRING, FieldType.TEXT, FieldType.EMAIL);

    private DefaultInputs() {
    }

    static Optional<Object> value(String actionId, String input, RunInputs.Scope s) {
        List<Map<String, Object>> rows = s.record() != null ? List.of(s.record()) : s.records();
        Object value = switch (actionId + "#" + input) {
            case "google_sheets.append_row#values" -> rows.stream().map(r -> cells(s.entity(), r)).toList();
            case "google_sheets.append_row#range" -> "Sheet1";
            case "google_bigquery.insert_rows#rows" -> rows.stream()
                    .map(r -> Map.of("insertId", String.valueOf(r.get("id")), "json", fields(s.entity(), r))).toList();
            case "google_drive.upload_file#content", "box.upload_file#content" -> csv(s.entity(), rows);
            case "google_drive.upload_file#mimeType" -> "text/csv";
            case "google_calendar.create_event#start" -> when(s, false);
            case "google_calendar.create_event#end" -> when(s, true);
            case "hubspot.create_contact#properties" -> s.record() == null ? null : contact(s.record());
            case "salesforce.create_record#fields" -> s.record() == null ? null : fields(s.entity(), s.record());
            case "google_analytics.run_report#metrics" -> List.of(Map.of("name", "activeUsers"));
            case "google_analytics.run_report#startDate" -> "7daysAgo";
            case "google_analytics.run_report#endDate" -> "today";
            default -> null;
        };
        return Optional.ofNullable(value);
    }

    static Optional<String> template(String actionId, String input, RunInputs.Scope s) {
        boolean event = s.record() != null && s.entity() != null;
        String title = event ? title(s) : s.entity() == null ? "Update from {app.name}" : "{entity} summary for {today}";
        String body = event ? details(s.entity()) : list(s.entity());
        String template = switch (actionId + "#" + input) {
            case "gmail.send_email#to", "gmail.create_draft#to" -> "{user.email}";
            case "gmail.send_email#subject", "gmail.create_draft#subject" -> event ? title
                    : s.entity() == null ? title : "Your {entity} list for {today}";
            case "gmail.send_email#body", "gmail.create_draft#body", "google_docs.create_document#content",
                    "github.create_issue#body", "notion.create_page#content", "clickup.create_task#description",
                    "wrike.create_task#description", "google_calendar.create_event#description" -> body;
            case "slack_bot.post_message#text", "slack_user.post_message#text", "discord.post_message#content",
                    "linkedin.share_post#text" -> event ? line(s) : body;
            case "github.create_issue#title", "notion.create_page#title", "clickup.create_task#name",
                    "wrike.create_task#title", "google_calendar.create_event#summary", "google_docs.create_document#title",
                    "google_slides.create_presentation#title" -> title;
            case "google_drive.upload_file#name", "box.upload_file#name" -> "{entity}-{today}.csv";
            default -> null;
        };
        return Optional.ofNullable(template);
    }

    static boolean done(EntityDef entity, Map<String, Object> record) {
        return doneField(entity).map(f -> Boolean.TRUE.equals(record.get(f))).orElse(false);
    }

    /** "New Ticket: Printer on fire · priority high · status open", then the ticket's link on a line of its own. */
    private static String line(RunInputs.Scope s) {
        StringBuilder out = new StringBuilder(verb(s.event()) + " {entity}: {record." + label(s.entity()) + "}");
        for (String field : detailFields(s.entity())) {
            out.append("{#if record.").append(field).append(" != null} · ").append(words(field)).append(" {record.")
                    .append(field).append("}{/if}");
        }
        // a deleted record has nothing left to open
        return "deleted".equals(s.event()) ? out.toString() : out.append("{#if record.link}\n{record.link}{/if}").toString();
    }

    private static String title(RunInputs.Scope s) {
        return verb(s.event()) + " {entity}: {record." + label(s.entity()) + "}";
    }

    /** Every field of the triggering record, one per line. */
    private static String details(EntityDef entity) {
        StringBuilder out = new StringBuilder();
        for (EntityDef.Field field : entity.fields()) {
            out.append("{#if record.").append(field.name()).append(" != null}").append(capitalized(words(field.name())))
                    .append(": {record.").append(field.name()).append("}\n{/if}");
        }
        return out.toString();
    }

    /** The open records (or all, when the entity has no done flag), each with its date and priority. */
    private static String list(EntityDef entity) {
        if (entity == null) {
            return "Sent by {app.name} on {today}.";
        }
        boolean hasDone = doneField(entity).isPresent();
        String items = hasDone ? "open" : "records";
        String label = label(entity);
        StringBuilder item = new StringBuilder("- {r." + label + "}");
        dateField(entity).ifPresent(d -> item.append("{#if r.").append(d).append(" != null} (")
                .append(d.equalsIgnoreCase("due") || d.equalsIgnoreCase("dueDate") ? "due" : words(d)).append(" {r.")
                .append(d).append("}){/if}"));
        for (String field : detailFields(entity)) {
            item.append("{#if r.").append(field).append(" != null} · ").append(words(field)).append(" {r.").append(field)
                    .append("}{/if}");
        }
        return "{#if " + items + ".isEmpty}Nothing " + (hasDone ? "open " : "") + "in your {entity} list today."
                + "{#else}Your " + (hasDone ? "open " : "") + "{entity} items ({" + items + ".size}):\n"
                + "{#for r in " + items + "}\n" + item + "\n{/for}\n{/if}";
    }

    private static String verb(String event) {
        return switch (event == null ? "" : event) {
            case "updated" -> "Updated";
            case "deleted" -> "Deleted";
            default -> "New";
        };
    }

    private static String label(EntityDef entity) {
        return entity.fields().stream()
                .filter(f -> TEXT.contains(f.type()) && !DETAIL_WORDS.contains(f.name().toLowerCase(Locale.ROOT)))
                .map(EntityDef.Field::name).findFirst().orElse("id");
    }

    private static Optional<String> dateField(EntityDef entity) {
        return entity.fields().stream().filter(f -> f.type() == FieldType.DATE || f.type() == FieldType.DATETIME)
                .map(EntityDef.Field::name).findFirst();
    }

    private static Optional<String> doneField(EntityDef entity) {
        return entity == null ? Optional.empty()
                : entity.fields().stream().filter(f -> f.type() == FieldType.BOOLEAN
                        && DONE_FIELDS.contains(f.name().toLowerCase(Locale.ROOT))).map(EntityDef.Field::name).findFirst();
    }

    private static List<String> detailFields(EntityDef entity) {
        return entity.fields().stream().filter(f -> TEXT.contains(f.type()))
                .map(EntityDef.Field::name)
                .filter(n -> DETAIL_WORDS.stream().anyMatch(w -> n.toLowerCase(Locale.ROOT).contains(w))).toList();
    }

    private static List<String> cells(EntityDef entity, Map<String, Object> record) {
        return entity.fields().stream().map(f -> record.get(f.name()) == null ? "" : String.valueOf(record.get(f.name())))
                .toList();
    }

    private static Map<String, Object> fields(EntityDef entity, Map<String, Object> record) {
        Map<String, Object> out = new LinkedHashMap<>();
        entity.fields().stream().filter(f -> record.get(f.name()) != null)
                .forEach(f -> out.put(f.name(), record.get(f.name())));
        return out;
    }

    private static String csv(EntityDef entity, List<Map<String, Object>> rows) {
        if (entity == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(
                entity.fields().stream().map(f -> csvCell(f.name())).collect(Collectors.joining(",")));
        for (Map<String, Object> row : rows) {
            out.append('\n').append(cells(entity, row).stream().map(DefaultInputs::csvCell).collect(Collectors.joining(",")));
        }
        return out.append('\n').toString();
    }

    private static String csvCell(String value) {
        return value.matches(".*[\",\\n\\r].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** An all-day event on the record's date, or a one-hour event at its date and time. */
    private static Map<String, Object> when(RunInputs.Scope s, boolean end) {
        if (s.record() == null || s.entity() == null) {
            return null;
        }
        Optional<EntityDef.Field> field = s.entity().fields().stream()
                .filter(f -> f.type() == FieldType.DATE || f.type() == FieldType.DATETIME).findFirst();
        if (field.isEmpty() || s.record().get(field.get().name()) == null) {
            return null;
        }
        String value = String.valueOf(s.record().get(field.get().name()));
        if (field.get().type() == FieldType.DATE) {
            return Map.of("date", end ? LocalDate.parse(value).plusDays(1).toString() : value);
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value);
            return Map.of("dateTime", (end ? at.plusHours(1) : at).toString(), "timeZone", s.app().timezone());
        } catch (DateTimeParseException localTime) {
            LocalDateTime at = LocalDateTime.parse(value);
            return Map.of("dateTime", (end ? at.plusHours(1) : at).toString(), "timeZone", s.app().timezone());
        }
    }

    private static Map<String, Object> contact(Map<String, Object> record) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            String key = name.toLowerCase(Locale.ROOT).replace("_", "");
            switch (key) {
                case "email", "emailaddress" -> out.put("email", value);
                case "firstname", "givenname" -> out.put("firstname", value);
                case "lastname", "surname", "familyname" -> out.put("lastname", value);
                case "phone", "phonenumber", "mobile" -> out.put("phone", value);
                case "company", "companyname", "organization" -> out.put("company", value);
                case "name", "fullname" -> {
                    String[] parts = String.valueOf(value).trim().split("\\s+", 2);
                    out.putIfAbsent("firstname", parts[0]);
                    if (parts.length > 1) {
                        out.putIfAbsent("lastname", parts[1]);
                    }
                }
                default -> {
                }
            }
        });
        return out;
    }

    /** dueDate -> due date */
    private static String words(String identifier) {
        return identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
