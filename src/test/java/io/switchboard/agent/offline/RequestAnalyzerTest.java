package io.switchboard.agent.offline;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestAnalyzerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Please add each new deadline as a task in our ClickUp list 90123 so both teams can see it. | list 90123
            Please add each new deadline as a task in our ClickUp list 90123 so both teams can see it. | see
            Every night, load the donations into BigQuery (dataset foodbank_ops, table daily_intake).  | dataset
            When a teacher is removed, email the office so they can deactivate their badge.           | deactivate
            """)
    void actionClause_placesAndPurposes_sayNothingAboutWhatToDo(String text, String gone) {
        assertFalse(RequestAnalyzer.actionClause(text).toLowerCase(Locale.ROOT).contains(gone),
                RequestAnalyzer.actionClause(text));
    }
}
