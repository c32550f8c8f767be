package io.switchboard.flows;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A flow's source filter: field = value conditions that must all hold, compared as text, case ignored. A field left
 * unset counts as {@code false}, so "not done" ({@code done = false}) keeps the todos nobody ticked. The field
 * {@value #OWNER} is who created the record, and the value {@value #ACTING_USER} is the user the run acts for, so
 * {@code createdBy = {user}} keeps the records owned by that user.
 */
public final class Filters {
    public static final String OWNER = "createdBy";
    public static final String ACTING_USER = "{user}";

    private Filters() {
    }

    /** {@code record} carries the entity's fields and {@value #OWNER}; {@code user} is the user the run acts for. */
    public static boolean matches(Map<String, String> filter, Map<String, Object> record, String user) {
        if (filter == null) {
            return true;
        }
        return filter.entrySet().stream().allMatch(c -> holds(text(record.get(c.getKey())), c.getValue().strip(), user));
    }

    private static boolean holds(String actual, String wanted, String user) {
        if (ACTING_USER.equalsIgnoreCase(wanted)) {
            return actual.equals(user);
        }
        return actual.equalsIgnoreCase(wanted) || actual.isEmpty() && wanted.equalsIgnoreCase("false");
    }

    private static String text(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : String.valueOf(value).strip();
    }
}
