package io.switchboard.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Field conditions in prepared request text: "priority is high", "marked as done", "urgent tickets", "is won". */
final class FieldConditions {

    private static final Set<String> BOOLEAN_TYPES = Set.of("boolean", "bool", "checkbox", "flag");
    private static final Set<String> TEXT_TYPES = Set.of("string", "text", "enum", "select", "choice", "status",
            "option", "tag", "varchar");

    private static final List<String> DONE = List.of("done", "complete", "completed", "finished", "checked off",
            "ticked off");
    private static final Map<String, List<String>> BOOLEAN_SYNONYMS = Map.of(
            "done", DONE, "complete", DONE, "completed", DONE, "finished", DONE,
            "paid", List.of("paid", "settled"),
            "published", List.of("published", "live"),
            "resolved", List.of("resolved", "solved", "fixed"));
    private static final List<String> NOT_DONE = List.of("not done", "not completed", "not finished", "unfinished",
            "incomplete", "uncompleted", "undone", "open", "pending", "outstanding", "remaining", "unchecked");

    private static final Set<String> PRIORITY_VALUES = Set.of("urgent", "critical", "high", "highest", "medium",
            "normal", "low", "lowest", "blocker", "major", "minor", "p0", "p1", "p2", "p3", "p4");
    private static final Set<String> STAGE_VALUES = Set.of("won", "lost", "qualified", "unqualified", "negotiation",
            "proposal", "discovery", "closed won", "closed lost");
    /** Values read on their own; mild words (high, low, normal) only count next to the field name. */
    private static final List<String> VALUES = List.of("in progress", "on hold", "closed won", "closed lost", "open",
            "closed", "resolved", "solved", "pending", "waiting", "won", "lost", "approved", "rejected", "declined",
            "shipped", "delivered", "paid", "unpaid", "refunded", "cancelled", "canceled", "completed", "done",
            "active", "inactive", "archived", "draft", "published", "qualified", "unqualified", "contacted",
            "converted", "escalated", "overdue", "failed", "accepted", "confirmed", "fulfilled", "expired", "reopened",
            "blocked", "urgent", "critical", "blocker", "negotiation", "sold", "available", "reserved", "rented",
            "p0", "p1", "p2", "p3");

    private static final List<String> PRIORITY_FIELDS = List.of("priority", "severity", "urgency", "importance",
            "level");
    private static final List<String> STATUS_FIELDS = List.of("status", "state", "stage", "phase", "pipeline", "step");
    private static final List<String> STAGE_FIELDS = List.of("stage", "phase", "pipeline", "status", "state", "step");

    private static final String LINK = "(?:\\s+(?:is|was|are|equals|becomes|became|is\\s+set\\s+to|set\\s+to"
            + "|changes\\s+to|changed\\s+to|is\\s+changed\\s+to|moves\\s+to|moved\\s+to|goes\\s+to|updated\\s+to"
            + "|reaches|hits|of)|\\s*[=:])\\s+";
    private static final String VALUE = "(?:'([^']+)'|\"([^\"]+)\"|([a-z0-9][a-z0-9_-]*(?:\\s+(?:won|lost|progress"
            + "|hold))?))";
    private static final String MOVE = "\\b(?:(?:moves?|moved|goes|went|changes?|changed|is\\s+set|set|progresses"
            + "|advances)\\s+(?:to|into)|enters|entered|reaches|reached)\\s+";
    private static final String COPULA = "(?:is|are|was|were|gets?|got|been|be|becomes?|'s|as|marked|marks?"
            + "|set\\s+to|changes\\s+to|moves\\s+to|moved\\s+to|goes\\s+to|changed\\s+to|updated\\s+to|switched\\s+to"
            + "|switches\\s+to)";

    private FieldConditions() {
    }

    static Optional<FieldFilter> find(String s, List<EntityInfo.Field> fields) {
        return named(s, fields).or(() -> bool(s, fields)).or(() -> known(s, fields)).or(() -> movedTo(s, fields));
    }

    /**
     * A field named with its value. Status and priority fields take "priority is high", "high priority" or
     * "stage changes to negotiation"; other text fields need a condition word ("where the source is website"),
     * since "with title X" describes what to create rather than which records to take.
     */
    private static Optional<FieldFilter> named(String s, List<EntityInfo.Field> fields) {
        for (EntityInfo.Field field : fields) {
            if (!TEXT_TYPES.contains(type(field))) {
                continue;
            }
            String name = String.join("[\\s_-]?", Words.identifierWords(field.name()));
            if (name.isEmpty()) {
                continue;
            }
            List<Pattern> patterns = new ArrayList<>();
            patterns.add(Words.pattern("\\b(?:where|whose|if|when|once)\\s+(?:(?:the|its|their|an?)\\s+)?(?:[a-z]+'s\\s+)?"
                    + name + LINK + VALUE));
            if (isStatusLike(field)) {
                patterns.add(Words.pattern("\\b" + name + LINK + VALUE));
                patterns.add(Words.pattern("\\b(?:with|having)\\s+(?:a\\s+|an\\s+|the\\s+)?" + name
                        + "\\s+(?:of\\s+|=\\s*)?" + VALUE));
            }
            for (Pattern pattern : patterns) {
                Matcher m = pattern.matcher(s);
                while (m.find()) {
                    Optional<String> value = value(m);
                    if (value.isPresent()) {
                        return Optional.of(new FieldFilter(field.name(), value.get()));
                    }
                }
            }
            if (isStatusLike(field)) {
                Matcher moved = Words.pattern(MOVE + "(?:the\\s+)?([a-z0-9][\\w-]*(?:\\s+[a-z0-9][\\w-]*)?)\\s+"
                        + name + "\\b").matcher(s);
                if (moved.find() && isValueWord(moved.group(1).split("\\s+")[0])) {
                    return Optional.of(new FieldFilter(field.name(), moved.group(1)));
                }
                Matcher before = Words.pattern("\\b([a-z0-9]+)[\\s-]+" + name + "\\b").matcher(s);
                while (before.find()) {
                    if (PRIORITY_VALUES.contains(before.group(1)) || VALUES.contains(before.group(1))) {
                        return Optional.of(new FieldFilter(field.name(), before.group(1)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A yes/no field: "marked as done" gives done = true, "my unfinished todos" gives done = false. */
    private static Optional<FieldFilter> bool(String s, List<EntityInfo.Field> fields) {
        for (EntityInfo.Field field : fields) {
            if (!BOOLEAN_TYPES.contains(type(field))) {
                continue;
            }
            List<String> words = Words.identifierWords(field.name());
            if (words.isEmpty()) {
                continue;
            }
            String word = words.get(words.size() - 1);
            List<String> yes = BOOLEAN_SYNONYMS.getOrDefault(word, List.of(word));
            List<String> no = new ArrayList<>(List.of("not " + word, "un" + word, "non-" + word));
            if (yes.contains("done")) {
                no.addAll(NOT_DONE);
            }
            boolean doneByVerb = yes.stream().anyMatch(w -> Words.pattern(
                    "\\b(?:i|we|you|they|someone|somebody|anyone)\\s+" + verbOf(w) + "\\b").matcher(s).find());
            if (no.stream().noneMatch(w -> predicative(s, w)) && (yes.stream().anyMatch(w -> predicative(s, w))
                    || doneByVerb)) {
                return Optional.of(new FieldFilter(field.name(), "true"));
            }
            if (no.stream().anyMatch(w -> predicative(s, w))) {
                return Optional.of(new FieldFilter(field.name(), "false"));
            }
            if (yes.stream().anyMatch(w -> adjective(s, w))) {
                return Optional.of(new FieldFilter(field.name(), "true"));
            }
            if (no.stream().anyMatch(w -> adjective(s, w))) {
                return Optional.of(new FieldFilter(field.name(), "false"));
            }
        }
        return Optional.empty();
    }

    /** A word from the usual status and priority vocabulary, put on the text field that fits it. */
    private static Optional<FieldFilter> known(String s, List<EntityInfo.Field> fields) {
        for (String value : VALUES) {
            if (predicative(s, value)) {
                Optional<FieldFilter> filter = fieldFor(value, fields).map(f -> new FieldFilter(f.name(), value));
                if (filter.isPresent()) {
                    return filter;
                }
            }
        }
        for (String value : VALUES) {
            if (adjective(s, value)) {
                Optional<FieldFilter> filter = fieldFor(value, fields).map(f -> new FieldFilter(f.name(), value));
                if (filter.isPresent()) {
                    return filter;
                }
            }
        }
        return Optional.empty();
    }

    /** "moves to interview", "is set to 'On hold'": any value, put on the stage or status field. */
    private static Optional<FieldFilter> movedTo(String s, List<EntityInfo.Field> fields) {
        Matcher m = Words.pattern(MOVE + "(?:the\\s+)?" + VALUE).matcher(s);
        while (m.find()) {
            Optional<String> value = value(m);
            if (value.isPresent() && isValueWord(value.get())) {
                for (String fieldWord : STAGE_FIELDS) {
                    for (EntityInfo.Field field : fields) {
                        if (isText(field) && Words.identifierWords(field.name()).contains(fieldWord)) {
                            return Optional.of(new FieldFilter(field.name(), value.get()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isValueWord(String word) {
        return !Words.CLOSED_CLASS.contains(word) && !Nouns.BRANDS.contains(word) && !Words.isTimeWord(word)
                && !word.equals("new") && !word.matches("\\d+");
    }

    /** "is done", "marked as done", "moves to won". */
    private static boolean predicative(String s, String value) {
        return Words.pattern("\\b" + COPULA + "\\s+(?:(?:as|to|the|a|an)\\s+)?" + phrase(value) + "\\b").matcher(s)
                .find();
    }

    /** "done todos", "urgent tickets": the value right before a noun, and not a command ("Open a GitHub issue"). */
    private static boolean adjective(String s, String value) {
        Matcher m = Words.pattern("(\\S*)\\s+" + phrase(value) + "\\s+([a-z]+)").matcher(s);
        int from = 0;
        while (from < s.length() && m.find(from)) {
            String before = m.group(1);
            String next = m.group(2);
            boolean command = before.isEmpty() || before.matches(".*[.!?;:,]") || before.equals("please");
            if (!command && !Words.CLOSED_CLASS.contains(next) && !Words.isTimeWord(next)) {
                return true;
            }
            from = m.start(2);
        }
        return false;
    }

    private static String phrase(String value) {
        return Pattern.quote(value).replace(" ", "\\E\\s+\\Q");
    }

    private static String verbOf(String participle) {
        if (participle.endsWith("ed")) {
            String stem = Pattern.quote(participle.substring(0, participle.length() - 2));
            return "(?:" + stem + "e?s?|" + stem + "es)";
        }
        return Pattern.quote(participle) + "s?";
    }

    private static Optional<EntityInfo.Field> fieldFor(String value, List<EntityInfo.Field> fields) {
        List<String> preferred = PRIORITY_VALUES.contains(value) ? PRIORITY_FIELDS
                : STAGE_VALUES.contains(value) ? STAGE_FIELDS : STATUS_FIELDS;
        for (String fieldWord : preferred) {
            for (EntityInfo.Field field : fields) {
                if (isText(field) && Words.identifierWords(field.name()).contains(fieldWord)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isText(EntityInfo.Field field) {
        return TEXT_TYPES.contains(type(field));
    }

    private static boolean isStatusLike(EntityInfo.Field field) {
        List<String> words = Words.identifierWords(field.name());
        return words.stream().anyMatch(w -> STATUS_FIELDS.contains(w) || PRIORITY_FIELDS.contains(w));
    }

    private static Optional<String> value(Matcher m) {
        String quoted = m.group(1) != null ? m.group(1) : m.group(2);
        if (quoted != null) {
            return Optional.of(quoted.trim());
        }
        String word = m.group(3);
        if (word == null || Words.CLOSED_CLASS.contains(word) || word.equals("new") || Words.isTimeWord(word)
                || EventParser.EVENT_WORDS.contains(word) && !VALUES.contains(word)) {
            return Optional.empty();
        }
        return Optional.of(word);
    }

    private static String type(EntityInfo.Field field) {
        return field.type() == null ? "string" : field.type().toLowerCase();
    }
}
