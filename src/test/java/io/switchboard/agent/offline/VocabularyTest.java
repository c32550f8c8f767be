package io.switchboard.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocabularyTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Berlin   | true
            absences | true
            Roster   | true
            Dentrix  | false
            TeamSnap | false
            notoin   | false
            """)
    void knowsOrdinaryWordsAndNames_butNotMadeUpProductNames(String word, boolean known) {
        assertEquals(known, Vocabulary.knows(word));
    }

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            notoin | notion  | true
            slak   | slack   | true
            gmial  | gmail   | true
            stack  | slack   | false
            box    | box     | false
            motion | notion  | false
            """)
    void oneWordToolTypo_isOneEditOff_sameFirstLetter_andNoWordOfItsOwn(String typed, String tool, boolean typo) {
        assertEquals(typo, RequestAnalyzer.oneWordTypo(typed, tool));
    }

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            appt   | appointment | true
            mgr    | manager     | true
            per    | performance | false
            apt    | apartment   | false
            appt   | app         | false
            """)
    void abbreviation_isAnUnknownWordOfTheLongerWordsLettersInOrder(String typed, String word, boolean abbreviation) {
        assertEquals(abbreviation, Words.isAbbreviationOf(typed, word));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            evry friday arvo email me a sumary of this weeks classes      | every friday afternoon email me a summary of this weeks classes
            wen somone books a desk                                       | when someone books a desk
            send it to coach.dan@ironpeak.com.au and #evry-day            | send it to coach.dan@ironpeak.com.au and #evry-day
            then post to Notion every monday                              | then post to Notion every monday
            """)
    void misspeltTimeAndTriggerWords_areSpelledOut_namesAndKnownWordsStay(String typed, String spelled) {
        assertEquals(spelled, Words.withStructureWordsSpelled(typed));
    }

    @org.junit.jupiter.api.Test
    void misspeltActionWords_areSpelledOutToo() {
        assertEquals("can u add a comment to the wrike task",
                Words.withWordsSpelled("can u add a coment to the wrike task", java.util.List.of("comment", "task")));
    }
}
