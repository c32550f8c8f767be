package io.switchboard.agent.offline;

import io.switchboard.agent.offline.ClockTimes.Clock;
import io.switchboard.agent.offline.ClockTimes.Window;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns "every weekday at 5pm Berlin time" into a Quartz cron and a zone; empty when no schedule is asked. */
public final class ScheduleParser {

    private enum Unit {
        SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR
    }

    /** How often: every {@code n} units, or {@code times} times within one unit ("twice a day"). */
    private record Every(Unit unit, int n, int times) {
    }

    /** Day-of-month field, or a day-of-week field such as 2#1 (first Monday) when the month day is "?". */
    private record MonthDays(String dayOfMonth, String dayOfWeek) {
    }

    private static final String NUMBER = "(\\d{1,3}|" + Words.NUMBERS.keySet().stream()
            .sorted(Comparator.comparing(String::length).reversed()).collect(Collectors.joining("|")) + ")";
    private static final String DAY = WeekDays.DAY;
    private static final String MONTH_NAME = "(january|february|march|april|may|june|july|august|september|"
            + "october|november|december)";
    private static final String ORDINAL = "(\\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|tenth|"
            + "fifteenth|twentieth|last)";
    private static final String EACH_MONTH = "(?:the|each|every|a|any)\\s+(?:calendar\\s+)?month";

    private static final Pattern EVERY_N = Pattern.compile("\\b(?:every|each)\\s+(?:single\\s+)?(?:" + NUMBER
            + "\\s+|(other|second|alternate)\\s+)?(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?)\\b");
    private static final Pattern HALF_HOUR = Pattern.compile(
            "\\b(?:every|each)\\s+half[- ]?(?:an\\s+)?hour\\b|\\bhalf[- ]hourly\\b");
    private static final Pattern QUARTER_HOUR = Pattern.compile(
            "\\b(?:every|each)\\s+quarter[- ]?(?:of\\s+an\\s+)?hour\\b");
    private static final Pattern ADVERB = Pattern.compile("\\b(hourly|daily|nightly|everyday|weekly|bi-?weekly|"
            + "fortnightly|monthly|bi-?monthly|quarterly|yearly|annually)\\b");
    private static final Pattern TIMES_PER = Pattern.compile("\\b(once|twice|" + NUMBER
            + "\\s+times)\\s+(?:a|an|per|each|every)\\s+(minute|hour|day|week|month|quarter|year)\\b");
    private static final Pattern EVERY_PART_OF_DAY = Pattern.compile(
            "\\b(?:every|each)\\s+(?:single\\s+)?(?:week\\s*day\\s+|weekday\\s+|work\\s*day\\s+)?"
                    + "(morning|afternoon|evening|night)\\b|\\b(mornings|afternoons|evenings|nights)\\b");
    private static final Pattern PART_OF_DAY = Pattern.compile(
            "\\b(mornings?|afternoons?|evenings?|nights?|nightly|tonight)\\b");
    private static final Pattern END_OF_DAY = Pattern.compile(
            "\\b(?:end\\s+of\\s+(?:the\\s+|each\\s+|every\\s+)?(?:work\\s*|business\\s+|working\\s+)?day|eod|"
                    + "close\\s+of\\s+business|cob)\\b");
    private static final Pattern START_OF_DAY = Pattern.compile(
            "\\b(?:start|beginning)\\s+of\\s+(?:the\\s+|each\\s+|every\\s+)?(?:work\\s*|business\\s+|working\\s+)?day\\b");
    private static final Pattern EVERY_END_OF_DAY = Pattern.compile(
            "\\b(?:end|close|start|beginning)\\s+of\\s+(?:each|every)\\s+(?:work\\s*|business\\s+|working\\s+)?day\\b");
    private static final Pattern END_OF_WEEK = Pattern.compile(
            "\\b(end|start|beginning)\\s+of\\s+(?:the\\s+|each\\s+|every\\s+)?(?:work\\s*)?week\\b");

    private static final Pattern ORDINAL_DAY_AHEAD = Pattern.compile(
            "^\\s+(?:" + DAY + "|week|month|day|weekend|business|working|of)\\b");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("\\b(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+"
            + DAY + "\\s+(?:of\\s+" + EACH_MONTH + "|(?:of\\s+)?(?:every|each)\\s+month|monthly)");
    private static final Pattern LAST_BUSINESS_DAY = Pattern.compile(
            "\\blast\\s+(?:business|working|week|work)\\s*day\\s+of\\s+" + EACH_MONTH);
    private static final Pattern DAY_OF_MONTH = Pattern.compile("\\b(" + ORDINAL + "(?:\\s*(?:,|and|&)\\s*(?:the\\s+)?"
            + ORDINAL + ")*)\\s+(?:(?:calendar\\s+)?days?\\s+)?of\\s+" + EACH_MONTH + "\\b");
    private static final Pattern ORDINAL_WORD = Pattern.compile("\\b" + ORDINAL + "\\b");
    private static final Pattern FIRST_BUSINESS_DAY = Pattern.compile(
            "\\bfirst\\s+(?:business|working|week|work)\\s*day\\s+of\\s+" + EACH_MONTH);
    private static final Pattern MONTH_EDGE = Pattern.compile(
            "\\b(end|close|start|beginning)\\s+of\\s+" + EACH_MONTH + "\\b|\\bmonth[- ]end\\b");
    private static final Pattern ON_THE_NTH = Pattern.compile("\\bon\\s+the\\s+(\\d{1,2}(?:st|nd|rd|th)?|first|last)"
            + "(?:\\s*(?:,|and)\\s*(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)?|last))?\\b");
    private static final Pattern YEAR_DATE = Pattern.compile("\\b" + MONTH_NAME + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b"
            + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_NAME + "\\b");
    private static final Pattern MINUTE_PAST_HOUR = Pattern.compile("\\b(half|quarter|\\d{1,2})\\s+(?:minutes?\\s+)?"
            + "(?:past|after)\\s+(?:the|each|every)\\s+hour\\b|\\bat\\s+:([0-5]\\d)\\b|\\bat\\s+minute\\s+(\\d{1,2})\\b"
            + "|\\bon\\s+the\\s+(half|quarter)[- ]hour\\b"
            // "every hour at half past": past no named hour, so past each hour
            + "|\\bat\\s+(half|quarter|\\d{1,2})\\s+(?:minutes?\\s+)?past\\b(?!\\s+(?:the\\s+)?(?:\\d|one|two|three|four"
            + "|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\\b)");
    private static final Pattern EVERY_MONTH_NAME = Pattern.compile("\\b(?:every|each)\\s+" + MONTH_NAME + "\\b");

    /** "tomorrow at 9" happens once; "today's bookings" at 9 are the records of each day the flow runs. */
    private static final Pattern ONE_OFF = Pattern.compile("\\b(?:(?:tomorrow|today|tonight"
            + "|next\\s+(?:week|month|year|" + DAY + ")"
            + "|this\\s+(?:week|weekend|month|morning|afternoon|evening|" + DAY + "))\\b(?!'s)"
            + "|once\\b(?!\\s+(?:a|an|per|every|each)\\b))");

    private static final Map<String, Integer> ORDINAL_WORDS = Map.of("first", 1, "second", 2, "third", 3, "fourth", 4,
            "fifth", 5, "tenth", 10, "fifteenth", 15, "twentieth", 20);

    private ScheduleParser() {
    }

    public static Optional<Schedule> parse(String text, ZoneId appZone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = Words.prepare(text);
        return cron(s).map(cron -> new Schedule(cron, ZoneFinder.find(text, appZone).orElse(appZone).getId()));
    }

    private static Optional<String> cron(String s) {
        Optional<Every> every = every(s);
        Unit unit = every.map(Every::unit).orElse(null);
        if (unit == Unit.SECOND || unit == Unit.MINUTE || unit == Unit.HOUR) {
            return Optional.of(interval(s, every.get()));
        }
        Optional<MonthDays> monthDays = monthDays(s, unit == Unit.MONTH || unit == Unit.YEAR);
        if (monthDays.isPresent() || unit == Unit.MONTH || unit == Unit.YEAR || EVERY_MONTH_NAME.matcher(s).find()) {
            return Optional.of(monthly(s, every, monthDays));
        }
        Optional<Set<DayOfWeek>> days = days(s, unit);
        String time = time(s, every);
        if (days.isPresent()) {
            return Optional.of(cron(time, "?", "*", WeekDays.field(days.get())));
        }
        if (unit == Unit.WEEK) {
            if (every.get().times() > 1) {
                return Optional.of(cron(time, "?", "*", WeekDays.spread(every.get().times())));
            }
            Matcher weekEdge = END_OF_WEEK.matcher(s);
            String day = weekEdge.find() && weekEdge.group(1).equals("end") ? "FRI" : "MON";
            return Optional.of(cron(time, "?", "*", day));
        }
        if (unit == Unit.DAY) {
            String dayOfMonth = every.get().n() > 1 ? "1/" + every.get().n() : "*";
            return Optional.of(cron(time, dayOfMonth, "*", "?"));
        }
        if (!ClockTimes.all(s).isEmpty() && !ONE_OFF.matcher(s).find()) {
            return Optional.of(cron(time, "*", "*", "?"));
        }
        return Optional.empty();
    }

    private static String cron(String minuteAndHour, String dayOfMonth, String month, String dayOfWeek) {
        return "0 " + minuteAndHour + " " + dayOfMonth + " " + month + " " + dayOfWeek;
    }

    private static Optional<Every> every(String s) {
        List<Every> found = new ArrayList<>();
        if (QUARTER_HOUR.matcher(s).find()) {
            found.add(new Every(Unit.MINUTE, 15, 1));
        }
        if (HALF_HOUR.matcher(s).find()) {
            found.add(new Every(Unit.MINUTE, 30, 1));
        }
        Matcher m = EVERY_N.matcher(s);
        while (m.find()) {
            int n = m.group(2) != null ? 2 : m.group(1) == null ? 1 : Words.number(m.group(1));
            String unit = Words.singular(m.group(3));
            boolean ordinalSecond = unit.equals("second") && m.group(1) == null && m.group(2) == null
                    && ORDINAL_DAY_AHEAD.matcher(s.substring(m.end())).find();
            if (n > 0 && !ordinalSecond && !(unit.equals("quarter") && s.startsWith(" hour", m.end()))) {
                found.add(normalized(unitOf(unit), unit.equals("quarter") ? 3 * n : n));
            }
        }
        Matcher adverb = ADVERB.matcher(s);
        while (adverb.find()) {
            found.add(switch (adverb.group(1).replace("-", "")) {
                case "hourly" -> new Every(Unit.HOUR, 1, 1);
                case "daily", "nightly", "everyday" -> new Every(Unit.DAY, 1, 1);
                case "weekly", "biweekly", "fortnightly" -> new Every(Unit.WEEK, 1, 1);
                case "bimonthly" -> new Every(Unit.MONTH, 2, 1);
                case "quarterly" -> new Every(Unit.MONTH, 3, 1);
                case "yearly", "annually" -> new Every(Unit.YEAR, 1, 1);
                default -> new Every(Unit.MONTH, 1, 1);
            });
        }
        Matcher times = TIMES_PER.matcher(s);
        while (times.find()) {
            String count = times.group(1);
            int n = count.equals("once") ? 1 : count.equals("twice") ? 2 : Words.number(times.group(2));
            Unit unit = unitOf(times.group(3));
            if (times.group(3).equals("quarter")) {
                found.add(new Every(Unit.MONTH, 3, 1));
            } else if (n > 1 && unit == Unit.HOUR) {
                found.add(new Every(Unit.MINUTE, 60 / n, 1));
            } else if (n > 0) {
                found.add(new Every(unit, 1, n));
            }
        }
        if (EVERY_PART_OF_DAY.matcher(s).find() || EVERY_END_OF_DAY.matcher(s).find()) {
            found.add(new Every(Unit.DAY, 1, 1));
        }
        return found.stream().min(Comparator.comparing(Every::unit));
    }

    private static Unit unitOf(String word) {
        return switch (Words.singular(word)) {
            case "second", "sec" -> Unit.SECOND;
            case "minute", "min" -> Unit.MINUTE;
            case "hour", "hr" -> Unit.HOUR;
            case "day" -> Unit.DAY;
            case "week" -> Unit.WEEK;
            case "year" -> Unit.YEAR;
            default -> Unit.MONTH;
        };
    }

    private static Every normalized(Unit unit, int n) {
        // Cron cannot step across a larger unit, so 90 minutes becomes the nearest whole number of hours.
        if (unit == Unit.SECOND && n >= 60) {
            return normalized(Unit.MINUTE, Math.round(n / 60f));
        }
        if (unit == Unit.MINUTE && n >= 60) {
            return normalized(Unit.HOUR, Math.round(n / 60f));
        }
        if (unit == Unit.HOUR && n >= 24 && n % 24 == 0) {
            return new Every(Unit.DAY, n / 24, 1);
        }
        if (unit == Unit.DAY && n == 7) {
            return new Every(Unit.WEEK, 1, 1);
        }
        return new Every(unit, n, 1);
    }

    private static String interval(String s, Every every) {
        Optional<Window> window = ClockTimes.window(s);
        String dayOfWeek = days(s, every.unit()).map(WeekDays::field).orElse("?");
        String dayOfMonth = dayOfWeek.equals("?") ? "*" : "?";
        int n = every.n();
        if (every.unit() == Unit.SECOND) {
            return (n == 1 || n > 59 ? "*" : "0/" + n) + " * * " + dayOfMonth + " * " + dayOfWeek;
        }
        if (every.unit() == Unit.MINUTE) {
            String minutes = n == 1 || n > 59 ? "*" : "0/" + n;
            // "between 9 and 5" every 10 minutes ends with the 16:50 run, not one at 17:50.
            String hours = window.map(w -> w.from().hour() + "-" + (w.to().minute() == 0 && w.to().hour() > w.from().hour()
                    ? w.to().hour() - 1
                    : w.to().hour())).orElse("*");
            return cron(minutes + " " + hours, dayOfMonth, "*", dayOfWeek);
        }
        List<Clock> clocks = ClockTimes.all(s);
        String start = n > 1 && !clocks.isEmpty() ? String.valueOf(clocks.get(0).hour()) : "0";
        String hours = window.map(w -> w.from().hour() + "-" + w.to().hour() + (n > 1 ? "/" + n : ""))
                .orElse(n == 1 || n > 23 ? "*" : start + "/" + n);
        return cron(minutePastHour(s) + " " + hours, dayOfMonth, "*", dayOfWeek);
    }

    private static int minutePastHour(String s) {
        Matcher m = MINUTE_PAST_HOUR.matcher(s);
        if (!m.find()) {
            return 0;
        }
        String value = java.util.stream.IntStream.rangeClosed(1, m.groupCount()).mapToObj(m::group)
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        int minute = value.equals("half") ? 30 : value.equals("quarter") ? 15 : Integer.parseInt(value);
        return minute < 60 ? minute : 0;
    }

    /** "MM HH" for the firing time: the written clock, else the part of day, else 08:00. */
    private static String time(String s, Optional<Every> every) {
        List<Clock> clocks = ClockTimes.all(ClockTimes.withoutWindow(s));
        if (clocks.isEmpty()) {
            ClockTimes.window(s).ifPresent(w -> clocks.add(w.from()));
        }
        if (!clocks.isEmpty()) {
            int minute = clocks.get(0).minute();
            String hours = clocks.stream().filter(c -> c.minute() == minute).map(Clock::hour).distinct().sorted()
                    .map(String::valueOf).collect(Collectors.joining(","));
            return minute + " " + hours;
        }
        int times = every.filter(e -> e.unit() == Unit.DAY).map(Every::times).orElse(1);
        if (times > 1) {
            return "0 " + switch (times) {
                case 2 -> "8,18";
                case 3 -> "8,13,18";
                default -> "0/" + Math.max(1, 24 / times);
            };
        }
        return "0 " + partOfDayHour(s);
    }

    private static int partOfDayHour(String s) {
        if (END_OF_DAY.matcher(s).find()) {
            return 17;
        }
        if (START_OF_DAY.matcher(s).find()) {
            return 8;
        }
        Matcher weekEdge = END_OF_WEEK.matcher(s);
        if (weekEdge.find() && weekEdge.group(1).equals("end")) {
            return 17;
        }
        Matcher m = PART_OF_DAY.matcher(s);
        if (!m.find()) {
            return 8;
        }
        String part = m.group(1);
        if (part.startsWith("afternoon")) {
            return 14;
        }
        if (part.startsWith("evening")) {
            return 18;
        }
        return part.startsWith("morning") ? 8 : 22;
    }

    private static Optional<Set<DayOfWeek>> days(String s, Unit unit) {
        return WeekDays.find(s, unit == Unit.WEEK, unit == Unit.DAY, unit != null && unit.compareTo(Unit.HOUR) <= 0);
    }

    private static Optional<MonthDays> monthDays(String s, boolean monthlyAsked) {
        Matcher nth = NTH_WEEKDAY.matcher(s);
        if (nth.find()) {
            int quartzDay = WeekDays.of(nth.group(2)).getValue() % 7 + 1;
            String which = nth.group(1);
            return Optional.of(new MonthDays("?", which.equals("last") ? quartzDay + "L"
                    : quartzDay + "#" + ordinal(which)));
        }
        if (LAST_BUSINESS_DAY.matcher(s).find()) {
            return Optional.of(new MonthDays("LW", "?"));
        }
        if (FIRST_BUSINESS_DAY.matcher(s).find()) {
            return Optional.of(new MonthDays("1W", "?"));
        }
        Matcher dayOfMonth = DAY_OF_MONTH.matcher(s);
        if (dayOfMonth.find()) {
            List<String> days = new ArrayList<>();
            Matcher each = ORDINAL_WORD.matcher(dayOfMonth.group(1));
            while (each.find()) {
                days.add(dayField(each.group(1)));
            }
            return Optional.of(new MonthDays(days.contains("L") ? "L" : String.join(",", days), "?"));
        }
        Matcher edge = MONTH_EDGE.matcher(s);
        if (edge.find()) {
            boolean start = "start".equals(edge.group(1)) || "beginning".equals(edge.group(1));
            return Optional.of(new MonthDays(start ? "1" : "L", "?"));
        }
        Matcher onThe = ON_THE_NTH.matcher(s);
        if (monthlyAsked && onThe.find()) {
            String days = dayField(onThe.group(1)) + (onThe.group(2) == null ? "" : "," + dayField(onThe.group(2)));
            return Optional.of(new MonthDays(days.startsWith("L,") ? "L" : days, "?"));
        }
        return Optional.empty();
    }

    private static String monthly(String s, Optional<Every> every, Optional<MonthDays> monthDays) {
        Unit unit = every.map(Every::unit).orElse(Unit.MONTH);
        int n = every.map(Every::n).orElse(1);
        int times = every.map(Every::times).orElse(1);
        String dayOfMonth = monthDays.map(MonthDays::dayOfMonth).orElse(times > 1 && unit == Unit.MONTH ? "1,15" : "1");
        String dayOfWeek = monthDays.map(MonthDays::dayOfWeek).orElse("?");
        String month = n > 1 && unit == Unit.MONTH ? "1/" + n : "*";
        Matcher everyMonthName = EVERY_MONTH_NAME.matcher(s);
        if (unit == Unit.YEAR || everyMonthName.find()) {
            month = "1";
            Matcher date = YEAR_DATE.matcher(s);
            if (date.find()) {
                String name = date.group(1) != null ? date.group(1) : date.group(4);
                String day = date.group(2) != null ? date.group(2) : date.group(3);
                month = String.valueOf(java.time.Month.valueOf(name.toUpperCase()).getValue());
                dayOfMonth = monthDays.isPresent() ? dayOfMonth : day;
            } else if (everyMonthName.find(0)) {
                month = String.valueOf(java.time.Month.valueOf(everyMonthName.group(1).toUpperCase()).getValue());
            }
        }
        return cron(time(s, every), dayOfMonth, month, dayOfWeek);
    }

    private static String dayField(String ordinal) {
        if (ordinal.equals("last")) {
            return "L";
        }
        int day = ordinal(ordinal);
        return day >= 1 && day <= 31 ? String.valueOf(day) : "1";
    }

    private static int ordinal(String ordinal) {
        Integer word = ORDINAL_WORDS.get(ordinal);
        if (word != null) {
            return word;
        }
        return Integer.parseInt(ordinal.replaceAll("\\D", ""));
    }
}
