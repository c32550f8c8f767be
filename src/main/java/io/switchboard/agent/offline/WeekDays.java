package io.switchboard.agent.offline;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Days of the week in prepared request text, and their Quartz day-of-week field. */
final class WeekDays {

    static final String DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String SHORT_DAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            + "mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)";

    private static final Pattern WEEKDAYS = Pattern.compile(
            "\\b(?:every|each|on|on\\s+all|all)\\s+(?:business\\s+|working\\s+|work\\s*|week\\s*|school\\s+)days?\\b"
                    + "|\\bweek\\s*days\\b|\\bweek\\s*day\\s+(?:mornings?|afternoons?|evenings?|nights?)\\b"
                    + "|\\bmon(?:day)?s?\\s*(?:-|to|through|thru|till|until)\\s*fri(?:day)?s?\\b");
    private static final Pattern WEEKENDS = Pattern.compile("\\b(?:every|each|on|on\\s+the)\\s+weekends?\\b|(?<!(?:this|next|last|coming|the) )\\bweekends\\b");
    private static final Pattern DAY_RANGE = Pattern.compile(
            "\\b" + SHORT_DAY + "s?\\s*(?:-|to|through|thru|until|till)\\s*" + SHORT_DAY + "s?\\b");
    private static final Pattern NAMED_DAY = Pattern.compile("\\b" + DAY + "(s)?\\b");
    private static final Pattern EVERY_DAY_NAME = Pattern.compile(
            "\\b(?:every|each)\\s+(?:other\\s+|second\\s+|alternate\\s+|single\\s+)?" + DAY + "\\b");
    /** "on Tuesday", or a request that opens with the day: "Tuesday 7am: the week's visits report". */
    private static final Pattern ON_DAY = Pattern.compile("\\bon\\s+" + DAY + "\\b|^\\s*" + DAY + "\\b");
    private static final Pattern DAY_PART = Pattern.compile("\\b" + DAY + "s?\\s+(mornings?|afternoons?|evenings?|nights?)\\b");
    private static final Pattern DAY_PARTS = Pattern.compile("\\b" + DAY + "s?\\s+(mornings|afternoons|evenings|nights)\\b");
    private static final Pattern EXCEPT = Pattern.compile("\\b(?:except|excluding|but\\s+not|apart\\s+from)\\s+"
            + "(?:on\\s+|for\\s+)?((?:weekends?|" + DAY + "s?)(?:\\s*(?:,|and|or)\\s*(?:weekends?|" + DAY + "s?))*)");

    private WeekDays() {
    }

    /**
     * Days of the week the text asks for, when it asks for them as a recurring thing: "on Fridays", "every Monday",
     * "weekdays", "Monday to Friday", or a day with a time ("on Monday at 9"). A lone "on a Thursday" is not.
     */
    static Optional<Set<DayOfWeek>> find(String s, boolean weekly, boolean daily, boolean withinADay) {
        Set<DayOfWeek> excluded = EnumSet.noneOf(DayOfWeek.class);
        Matcher except = EXCEPT.matcher(s);
        String rest = s;
        if (except.find()) {
            excluded.addAll(namedDays(except.group(1)));
            if (except.group(1).contains("weekend")) {
                excluded.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            }
            rest = s.substring(0, except.start()) + " " + s.substring(except.end());
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean recurring = false;
        if (WEEKDAYS.matcher(rest).find()) {
            days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            recurring = true;
        }
        if (WEEKENDS.matcher(rest).find()) {
            days.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            recurring = true;
        }
        Matcher range = DAY_RANGE.matcher(rest);
        while (range.find()) {
            days.addAll(dayRange(of(range.group(1)), of(range.group(2))));
            recurring = true;
        }
        Matcher named = NAMED_DAY.matcher(rest);
        while (named.find()) {
            days.add(of(named.group(1)));
            recurring |= named.group(2) != null;
        }
        boolean onDay = ON_DAY.matcher(rest).find();
        recurring |= EVERY_DAY_NAME.matcher(rest).find() || weekly || DAY_PARTS.matcher(rest).find()
                || (onDay && withinADay)
                || (onDay && (!ClockTimes.all(rest).isEmpty() || DAY_PART.matcher(rest).find()));
        if (days.isEmpty() && !excluded.isEmpty() && daily) {
            days.addAll(EnumSet.allOf(DayOfWeek.class));
            recurring = true;
        }
        days.removeAll(excluded);
        return recurring && !days.isEmpty() ? Optional.of(days) : Optional.empty();
    }

    private static Set<DayOfWeek> namedDays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Matcher m = NAMED_DAY.matcher(text);
        while (m.find()) {
            days.add(of(m.group(1)));
        }
        return days;
    }

    static DayOfWeek of(String name) {
        String prefix = name.substring(0, 3);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase().startsWith(prefix)) {
                return day;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Set<DayOfWeek> dayRange(DayOfWeek from, DayOfWeek to) {
        Set<DayOfWeek> days = EnumSet.of(from);
        for (DayOfWeek day = from; day != to; day = day.plus(1)) {
            days.add(day.plus(1));
        }
        return days;
    }

    /** Quartz day-of-week field: MON-FRI for a run of three or more days, else a list. */
    static String field(Set<DayOfWeek> days) {
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        DayOfWeek first = sorted.get(0);
        DayOfWeek last = sorted.get(sorted.size() - 1);
        if (sorted.size() >= 3 && last.getValue() - first.getValue() == sorted.size() - 1) {
            return code(first) + "-" + code(last);
        }
        return sorted.stream().map(WeekDays::code).collect(Collectors.joining(","));
    }

    /** Days spread over the week for "twice a week", "three times a week". */
    static String spread(int times) {
        return switch (times) {
            case 2 -> "MON,THU";
            case 3 -> "MON,WED,FRI";
            case 4 -> "MON,TUE,THU,FRI";
            case 5 -> "MON-FRI";
            default -> "*";
        };
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 3);
    }
}
