package io.switchboard.agent.offline;

/** The lengths of time people count a frequency in: "once a week", "twice an hour". */
final class Periods {
    /** One period word, singular, as a regular expression. */
    static final String WORD = "(?:minute|hour|day|night|morning|evening|week|fortnight|month|quarter|year)";

    private Periods() {
    }
}
