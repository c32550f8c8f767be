package io.switchboard.agent.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads times of day from prepared (lowercase) request text: "9am", "4:30pm", "17:00", "at 9.30", "noon". */
final class ClockTimes {

    record Clock(int hour, int minute) {
    }

    /** An hour window such as "between 9am and 5pm" or "during business hours". */
    record Window(Clock from, Clock to) {
    }

    private record Found(int start, int end, Clock clock) {
    }

    private static final String SMALL_NUMBER = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final String NOT_A_QUANTITY = "(?!\\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
            + "times?|people|persons?|percent|items?|records?|orders?|tickets?|of\\b|x\\b|th\\b|st\\b|nd\\b|rd\\b))";

    private static final Pattern AM_PM = Pattern.compile(
            "(?<![\\d:.$])(\\d{1,2})(?:[:.]([0-5]\\d))?\\s?(am|pm)\\b");
    private static final Pattern COLON = Pattern.compile("(?<![\\d:.$])(\\d{1,2})(?::|h)([0-5]\\d)(?![\\d:])");
    private static final Pattern AT_DOT = Pattern.compile(
            "\\b(?:at|@|around|by|from|until|till|to|and)\\s+(\\d{1,2})\\.([0-5]\\d)(?![\\d.])(?!\\s?(?:am|pm)\\b)");
    private static final Pattern AT_HOUR = Pattern.compile(
            "\\b(?:at|@|around|by|about)\\s+(?:around\\s+|about\\s+)?(\\d{1,2})(?![\\d%]|[:.h]\\d)"
                    + "(?!\\s*(?:am|pm|o'?clock)\\b)" + NOT_A_QUANTITY);
    private static final Pattern O_CLOCK = Pattern.compile("\\b" + SMALL_NUMBER + "\\s*o'?clock\\b");
    private static final Pattern PAST = Pattern.compile(
            "\\b(half|quarter|\\d{1,2})\\s+(?:minutes\\s+)?past\\s+" + SMALL_NUMBER + "\\b(?:\\s*(am|pm)\\b)?");
    private static final Pattern QUARTER_TO = Pattern.compile("\\bquarter\\s+to\\s+" + SMALL_NUMBER + "\\b");
    private static final Pattern NOON = Pattern.compile("\\b(?:12\\s+)?(?:noon|midday|lunchtime|lunch\\s+time)\\b");
    private static final Pattern MIDNIGHT = Pattern.compile("\\b(?:12\\s+)?midnight\\b");
    private static final Pattern PM_HINT = Pattern.compile(
            "^\\s*(?:in\\s+the\\s+(?:afternoon|evening)|at\\s+night|tonight|in\\s+the\\s+night)\\b");
    private static final Pattern SMALL_HOURS = Pattern.compile("\\b(?:nights?|nightly|overnight|early)\\b");
    private static final Pattern AM_HINT = Pattern.compile("^\\s*in\\s+the\\s+morning\\b");
    private static final Pattern MORNING = Pattern.compile("\\bmornings?\\b");
    private static final Pattern LATER_IN_DAY = Pattern.compile("\\b(?:afternoons?|evenings?|nights?|nightly|tonight)\\b");
    private static final String TIME = "(\\d{1,2}(?:[:.][0-5]\\d)?\\s?(?:am|pm)?|noon|midnight)";
    private static final Pattern WINDOW = Pattern.compile(
            "\\b(?:between|from)\\s+" + TIME + "\\s*(?:and|to|until|till|through|-)\\s*" + TIME);
    private static final Pattern BUSINESS_HOURS = Pattern.compile(
            "\\b(?:during|within|in)\\s+(?:business|working|office|work)\\s+hours\\b");

    private ClockTimes() {
    }

    /** Times of day in the order written, ignoring the ends of a window. */
    static List<Clock> all(String s) {
        List<Found> found = new ArrayList<>();
        collect(found, AM_PM, s, m -> clock(s, m.end(), m.group(1), m.group(2), m.group(3), false));
        collect(found, COLON, s, m -> clock(s, m.end(), m.group(1), m.group(2), null, true));
        collect(found, AT_DOT, s, m -> clock(s, m.end(), m.group(1), m.group(2), null, true));
        collect(found, AT_HOUR, s, m -> clock(s, m.end(), m.group(1), null, null, false));
        collect(found, O_CLOCK, s, m -> clock(s, m.end(), String.valueOf(Words.number(m.group(1))), null, null, false));
        collect(found, PAST, s, m -> clock(s, m.end(), String.valueOf(Words.number(m.group(2))),
                String.valueOf(minutesPast(m.group(1))), m.group(3), false));
        collect(found, QUARTER_TO, s, m -> clock(s, m.end(), String.valueOf(Words.number(m.group(1)) - 1), "45", null,
                false));
        collect(found, NOON, s, m -> Optional.of(new Clock(12, 0)));
        collect(found, MIDNIGHT, s, m -> Optional.of(new Clock(0, 0)));
        found.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -f.end()));
        List<Clock> clocks = new ArrayList<>();
        int covered = -1;
        for (Found f : found) {
            if (f.start() >= covered) {
                clocks.add(f.clock());
                covered = f.end();
            }
        }
        return clocks;
    }

    static Optional<Window> window(String s) {
        Matcher m = WINDOW.matcher(s);
        if (m.find()) {
            Optional<Clock> from = single(m.group(1));
            Optional<Clock> to = single(m.group(2));
            if (from.isPresent() && to.isPresent()) {
                Clock end = to.get();
                if (end.hour() < from.get().hour() && end.hour() + 12 <= 23) {
                    end = new Clock(end.hour() + 12, end.minute());
                }
                return Optional.of(new Window(from.get(), end));
            }
        }
        if (BUSINESS_HOURS.matcher(s).find()) {
            return Optional.of(new Window(new Clock(9, 0), new Clock(17, 0)));
        }
        return Optional.empty();
    }

    /** The text with any hour window removed, so its two ends are not read as two firing times. */
    static String withoutWindow(String s) {
        return WINDOW.matcher(s).replaceAll(" ");
    }

    private static Optional<Clock> single(String time) {
        if (time.equals("noon")) {
            return Optional.of(new Clock(12, 0));
        }
        if (time.equals("midnight")) {
            return Optional.of(new Clock(0, 0));
        }
        Matcher m = Words.pattern("(\\d{1,2})(?:[:.]([0-5]\\d))?\\s?(am|pm)?").matcher(time);
        if (!m.matches()) {
            return Optional.empty();
        }
        return clock(time, time.length(), m.group(1), m.group(2), m.group(3), false);
    }

    private interface Reader {
        Optional<Clock> read(Matcher m);
    }

    private static void collect(List<Found> found, Pattern pattern, String s, Reader reader) {
        Matcher m = pattern.matcher(s);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            reader.read(m).ifPresent(c -> found.add(new Found(start, end, c)));
        }
    }

    private static int minutesPast(String amount) {
        return switch (amount) {
            case "half" -> 30;
            case "quarter" -> 15;
            default -> Integer.parseInt(amount);
        };
    }

    /**
     * Builds a clock from the written hour and minute. Without am/pm, a bare "at 5" means 5pm since automations
     * rarely fire before 7 in the morning; "in the morning", "every evening" and the like decide otherwise. A time
     * written in digits with its minutes at 6 is an early start: "6:45" is 06:45, where "4:30" is still 16:30.
     */
    private static Optional<Clock> clock(String s, int end, String hourText, String minuteText, String meridiem,
            boolean digital) {
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (hour < 0 || hour > 23 || minute > 59) {
            return Optional.empty();
        }
        String after = s.substring(end);
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + (meridiem.equals("pm") ? 12 : 0);
        } else if (hour < 12 && !hourTextHasLeadingZero(hourText) && isAfternoon(s, after, hour, digital)) {
            hour += 12;
        }
        return Optional.of(new Clock(hour, minute));
    }

    private static boolean isAfternoon(String s, String after, int hour, boolean digital) {
        if (hour <= 5 && SMALL_HOURS.matcher(s).find()) {
            return false; // "every night at 1": after midnight
        }
        if (PM_HINT.matcher(after).find()) {
            return true;
        }
        if (AM_HINT.matcher(after).find() || MORNING.matcher(s).find()) {
            return false;
        }
        return LATER_IN_DAY.matcher(s).find() || (hour >= 1 && hour <= (digital ? 5 : 6));
    }

    private static boolean hourTextHasLeadingZero(String hourText) {
        return hourText.length() == 2 && hourText.charAt(0) == '0';
    }
}
