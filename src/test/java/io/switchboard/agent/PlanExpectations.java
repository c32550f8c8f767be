package io.switchboard.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks a plan against one evaluation case's expectations, field by field, as the shared scorer does. */
final class PlanExpectations {
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private PlanExpectations() {
    }

    static List<String> problems(JsonNode expect, JsonNode plan) {
        List<String> problems = new ArrayList<>();
        if (!expect.path("status").asText().equals(plan.path("status").asText())) {
            problems.add("status " + plan.path("status").asText() + ", wanted " + expect.path("status").asText());
        }
        oneOf(expect, plan, "connector", problems);
        oneOf(expect, plan, "action", problems);
        Set<String> scopes = new HashSet<>();
        plan.path("scopes").forEach(s -> scopes.add(s.asText()));
        expect.path("scopes_all").forEach(s -> {
            if (!scopes.contains(s.asText())) {
                problems.add("scopes lack " + s.asText());
            }
        });
        expect.path("scopes_any").forEach(group -> {
            boolean any = false;
            for (JsonNode s : group) {
                any |= scopes.contains(s.asText());
            }
            if (!any) {
                problems.add("scopes lack one of " + group);
            }
        });
        expect.path("scopes_none").forEach(s -> {
            if (scopes.contains(s.asText())) {
                problems.add("scopes include forbidden " + s.asText());
            }
        });
        JsonNode want = expect.get("trigger");
        if (want != null) {
            JsonNode got = plan.path("trigger");
            if (!want.path("type").asText().equals(got.path("type").asText())) {
                problems.add("trigger type " + got.path("type").asText() + ", wanted " + want.path("type").asText());
            } else if ("entity_event".equals(want.path("type").asText())) {
                if (!want.path("entity").asText().equalsIgnoreCase(got.path("entity").asText())
                        || !want.path("event").asText().equals(got.path("event").asText())) {
                    problems.add("entity_event " + got.path("entity").asText() + "/" + got.path("event").asText());
                }
            } else if ("schedule".equals(want.path("type").asText())) {
                String problem = schedule(want, got);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        if (expect.has("source")) {
            String source = plan.path("source").path("entity").asText("null");
            if (!source.equalsIgnoreCase(expect.path("source").asText())) {
                problems.add("source " + source + ", wanted " + expect.path("source").asText());
            }
        }
        if (expect.has("inputs")) {
            String inputs = plan.path("inputs").toString().toLowerCase(Locale.ROOT);
            expect.path("inputs").forEach(v -> {
                if (!inputs.contains(v.asText().toLowerCase(Locale.ROOT))) {
                    problems.add("inputs lack " + v.asText());
                }
            });
        }
        if (expect.has("options_include")) {
            Set<String> options = new HashSet<>();
            plan.path("options").forEach(o -> options.add(o.asText()));
            expect.path("options_include").forEach(o -> {
                if (!options.contains(o.asText())) {
                    problems.add("options lack " + o.asText() + " (got " + options + ")");
                }
            });
        }
        return problems;
    }

    private static void oneOf(JsonNode expect, JsonNode plan, String field, List<String> problems) {
        if (!expect.has(field)) {
            return;
        }
        String got = plan.path(field).asText();
        for (JsonNode ok : expect.get(field)) {
            if (ok.asText().equals(got)) {
                return;
            }
        }
        problems.add(field + " " + got + ", wanted one of " + expect.get(field));
    }

    /** Reads the Quartz cron the way the shared scorer does: each field as a set, null meaning any. */
    private static String schedule(JsonNode want, JsonNode got) {
        String cron = got.path("cron").asText(null);
        if (cron == null) {
            return "trigger.cron missing";
        }
        String[] f = cron.trim().split("\\s+");
        if (f.length < 6) {
            return "not a Quartz cron: " + cron;
        }
        Set<Integer> minute = expand(f[1], 0, 59, List.of(), 0), hour = expand(f[2], 0, 23, List.of(), 0),
                dom = expand(f[3], 1, 31, List.of(), 0), dow = expand(f[5].split("#")[0], 1, 7, DAYS, 1);
        String period = dom != null ? "month" : dow != null ? "week" : hour != null ? "day"
                : minute != null && minute.size() == 1 ? "hour" : "minutes";
        if (want.has("period")) {
            boolean weekdaysDaily = "day".equals(want.path("period").asText()) && "week".equals(period) && want.has("dow");
            if (!period.equals(want.path("period").asText()) && !weekdaysDaily) {
                return "period " + period + " (" + cron + "), wanted " + want.path("period").asText();
            }
        }
        if (want.has("hour") && !Set.of(want.path("hour").asInt()).equals(hour)) {
            return "hour of " + cron + ", wanted " + want.path("hour").asInt();
        }
        if (want.has("minute") && !Set.of(want.path("minute").asInt()).equals(minute)) {
            return "minute of " + cron + ", wanted " + want.path("minute").asInt();
        }
        if (want.has("dow")) {
            Set<Integer> days = new HashSet<>();
            want.path("dow").forEach(d -> days.add(DAYS.indexOf(d.asText().toUpperCase(Locale.ROOT)) + 1));
            if (!days.equals(dow)) {
                return "days of " + cron + ", wanted " + want.path("dow");
            }
        }
        if (want.has("dom")) {
            int d = "L".equalsIgnoreCase(want.path("dom").asText()) ? -1 : want.path("dom").asInt();
            if (!Set.of(d).equals(dom)) {
                return "day of month of " + cron + ", wanted " + want.path("dom").asText();
            }
        }
        if (want.has("every_minutes")) {
            List<Integer> mins = new ArrayList<>(minute == null ? range(0, 59) : minute);
            mins.sort(null);
            Set<Integer> steps = new HashSet<>();
            for (int i = 1; i < mins.size(); i++) {
                steps.add(mins.get(i) - mins.get(i - 1));
            }
            steps.add(60 - mins.get(mins.size() - 1) + mins.get(0));
            if (hour != null || !steps.equals(Set.of(want.path("every_minutes").asInt()))) {
                return "not every " + want.path("every_minutes").asInt() + " minutes: " + cron;
            }
        }
        if (want.has("timezone") && !want.path("timezone").asText().equals(got.path("timezone").asText())) {
            return "timezone " + got.path("timezone").asText() + ", wanted " + want.path("timezone").asText();
        }
        return null;
    }

    private static Set<Integer> expand(String field, int lo, int hi, List<String> names, int offset) {
        if ("*".equals(field) || "?".equals(field)) {
            return null;
        }
        Set<Integer> out = new HashSet<>();
        for (String part : field.split(",")) {
            int step = 1;
            if (part.contains("/")) {
                step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                part = part.substring(0, part.indexOf('/'));
                if (part.isEmpty() || "*".equals(part)) {
                    part = lo + "-" + hi;
                } else if (!part.contains("-")) {
                    part = part + "-" + hi;
                }
            }
            if (part.contains("-")) {
                String[] ab = part.split("-");
                for (int v = value(ab[0], names, offset); v <= value(ab[1], names, offset); v += step) {
                    out.add(v);
                }
            } else if ("L".equalsIgnoreCase(part)) {
                out.add(-1);
            } else {
                out.add(value(part, names, offset));
            }
        }
        return out.equals(new HashSet<>(range(lo, hi))) ? null : out;
    }

    private static int value(String token, List<String> names, int offset) {
        String t = token.toUpperCase(Locale.ROOT);
        int named = names.indexOf(t);
        return named >= 0 ? named + offset : Integer.parseInt(t.replaceAll("\\D", ""));
    }

    private static List<Integer> range(int lo, int hi) {
        List<Integer> out = new ArrayList<>();
        for (int i = lo; i <= hi; i++) {
            out.add(i);
        }
        return out;
    }
}
