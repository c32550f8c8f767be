package io.switchboard.agent;

import java.util.Map;

/** Reads the common Quartz crons the planner writes back as words ("every day at 08:00"). */
public final class CronWords {
    private static final Map<String, String> DAYS = Map.of("MON", "Monday", "TUE", "Tuesday", "WED", "Wednesday",
            "THU", "Thursday", "FRI", "Friday", "SAT", "Saturday", "SUN", "Sunday");

    private CronWords() {
    }

    public static String describe(String cron) {
        String[] f = cron.trim().split("\\s+");
        if (f.length < 6) {
            return cron;
        }
        String minute = f[1], hour = f[2], dom = f[3], dow = f[5];
        if (minute.contains("/") && "*".equals(hour)) {
            return "every " + minute.substring(minute.indexOf('/') + 1) + " minutes";
        }
        if (hour.contains("/")) {
            return "every " + hour.substring(hour.indexOf('/') + 1) + " hours";
        }
        if ("*".equals(hour)) {
            return "every hour";
        }
        String time;
        try {
            time = String.format("%02d:%02d", Integer.parseInt(hour), Integer.parseInt(minute));
        } catch (NumberFormatException e) {
            return cron;
        }
        if (!"?".equals(dom) && !"*".equals(dom)) {
            return ("L".equals(dom) ? "on the last day of every month" : "on day " + dom + " of every month") + " at " + time;
        }
        if (!"?".equals(dow) && !"*".equals(dow)) {
            String days = "MON-FRI".equals(dow) ? "every weekday" : "every " + String.join(", ",
                    java.util.Arrays.stream(dow.split(",")).map(d -> DAYS.getOrDefault(d, d)).toList());
            return days + " at " + time;
        }
        return "every day at " + time;
    }
}
