package io.switchboard.flows;

import java.math.BigDecimal;
import java.util.Map;

/** A flow's source filter: field = value conditions that must all hold, compared as text, case ignored. */
public final class Filters {
    private Filters() {
    }

    public static boolean matches(Map<String, String> filter, Map<String, Object> data) {
        if (filter == null) {
            return true;
        }
        return filter.entrySet().stream().allMatch(c -> text(data.get(c.getKey())).equalsIgnoreCase(c.getValue().strip()));
    }

    private static String text(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : String.valueOf(value).strip();
    }
}
