package io.switchboard.agent.offline;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small English word toolkit shared by the offline parsers. */
final class Words {

    /** One word of a request: its lowercase text, and whether a clause boundary or a possessive follows. */
    record Token(String text, boolean breakAfter, boolean possessive) {
    }

    static final Set<String> CLOSED_CLASS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "my", "our", "your", "their", "his", "her", "its",
            "me", "us", "you", "him", "them", "it", "i", "we", "they", "he", "she", "someone", "somebody", "anyone",
            "anybody", "everyone", "everybody", "something", "anything", "nothing", "one",
            "of", "in", "on", "at", "to", "into", "onto", "from", "for", "with", "without", "by", "via", "about",
            "over", "under", "after", "before", "since", "until", "till", "through", "between", "during", "within",
            "per", "as", "like", "than", "up", "down", "out", "off", "inside", "upon", "across", "around", "near",
            "and", "or", "but", "nor", "so", "then", "also", "too", "if", "when", "whenever", "while", "once",
            "where", "wherever", "which", "who", "whom", "whose", "what", "whatever", "how", "why", "that's",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has",
            "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
            "get", "gets", "got", "gotten", "not", "no", "yes", "please", "just", "only", "here", "there", "now",
            "all", "each", "every", "any", "some", "both", "either", "neither", "few", "many", "much", "more",
            "most", "other", "another", "such", "same", "own", "very", "really", "again", "ever", "always",
            "never", "soon", "already", "still", "even", "let", "lets", "let's", "i'm", "we're", "it's", "don't");

    static final Set<String> TIME_WORDS = Set.of(
            "second", "minute", "min", "hour", "hr", "day", "daily", "week", "weekly", "month", "monthly", "year",
            "yearly", "quarter", "quarterly", "morning", "afternoon", "evening", "night", "nightly", "noon",
            "midnight", "midday", "today", "tonight", "tomorrow", "yesterday", "weekday", "weekend", "workday",
            "fortnight", "time", "moment", "date", "am", "pm", "o'clock", "hourly", "annually", "biweekly",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "eod", "schedule", "lunchtime", "dawn", "dusk", "half");

    static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("forty-five", 45), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("couple", 2),
            Map.entry("couple of", 2), Map.entry("few", 3), Map.entry("other", 2));

    /**
     * Verbs that start the request in the imperative: "if a part gets deleted ping #stock". Unlike
     * {@link Nouns#COMMAND_VERBS} it leaves out read verbs, which follow a noun as nouns ("the parts list ping"), and
     * takes in verbs that are nouns there ("log", "record"): here they only count after the clause's own verb.
     */
    private static final Set<String> REQUEST_VERBS = Set.of("send", "email", "mail", "message", "notify", "ping",
            "text", "tell", "let", "post", "share", "announce", "alert", "remind", "create", "add", "make", "open",
            "log", "put", "save", "upload", "append", "write", "record", "copy", "sync", "push", "invite", "draft",
            "prepare", "file", "raise", "update", "move", "mark", "close", "comment", "dm", "slack", "gmail", "book",
            "schedule", "turn", "overwrite", "replace");
    /** Words that open a noun group: after them "list" or "check" is a thing, not a command. */
    static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those", "my", "our",
            "your", "their", "his", "her", "its", "each", "every");
    /** Words after which a command verb is the trigger's own ("when we add", "a new message"), not the request. */
    private static final Set<String> BEFORE_NON_COMMAND = Set.of("a", "an", "the", "this", "that", "these", "those",
            "my", "our", "your", "their", "his", "her", "its", "i", "we", "you", "they", "he", "she", "someone",
            "somebody", "anyone", "anybody", "everyone", "nobody", "to", "will", "would", "can", "could", "should",
            "must", "may", "might", "do", "does", "did", "is", "are", "was", "were", "be", "been", "being", "get", "gets",
            "got", "has", "have", "had", "new", "each", "every", "any", "some", "no", "not");

    /**
     * Whether {@code word} after {@code previous} starts the request inside a trigger clause written without a comma:
     * "when a walk is marked completed send the owner...", "... it pings #desk", but not "when we send" or "a new
     * message".
     */
    static boolean startsRequest(String previous, String word) {
        if ("it".equals(previous) && word.endsWith("s")) {
            // "when a member cancels it pings #frontdesk": the flow itself as the subject
            return REQUEST_VERBS.contains(word.substring(0, word.length() - 1))
                    || word.endsWith("es") && REQUEST_VERBS.contains(word.substring(0, word.length() - 2));
        }
        return REQUEST_VERBS.contains(word) && !BEFORE_NON_COMMAND.contains(previous);
    }

    static boolean isRequestVerb(String word) {
        return REQUEST_VERBS.contains(word);
    }

    private static final Pattern EVERY_TIME = Pattern.compile("\\b(?:every|each|any)\\s+(?:single\\s+)?time\\b(?!\\s+zone)"
            + "|\\b(?:everytime|anytime)\\b|\\beach\\s+and\\s+every\\s+time\\b");
    /**
     * A day written short where it can only be a day: after "every", "on" and the like, or before a time ("fri 4pm").
     * Alone, "sat", "sun" and "wed" are other words.
     */
    private static final Pattern SHORT_DAY = Pattern.compile("(?:(?<=\\b(?:every|each|on|next|this|by|until|till|and|or"
            + "|thru|through|to|from) )|(?<=[+&/] )|\\b(?=\\w+ (?:at |@ ?)?\\d)"
            // "tues + thurs 9am": a short day joined to another
            + "|\\b(?=\\w+ (?:[+&/]|and|or) (?:mon|tue|wed|thu|fri|sat|sun)))"
            + "(mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)(s)?\\b");
    /** Words, and the marks that end a phrase: punctuation, and a dash or an arrow standing between spaces. */
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:'[a-z]+)?|[.,;:!?()\"]|(?<= )(?:-+>?|=>|\\u2192)(?= )");

    private Words() {
    }

    /** Lowercase, accents and typographic quotes and dashes flattened. */
    static String normalize(String text) {
        String flat = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return flat.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-').toLowerCase(Locale.ROOT);
    }

    /**
     * Normalized text padded with spaces, where "every time", "each time" and "any time" read "whenever" so that
     * they are never taken for a schedule ("every time a ticket comes in").
     */
    static String prepare(String text) {
        String s = normalize(text).replace("a.m.", "am").replace("p.m.", "pm");
        s = EVERY_TIME.matcher(s).replaceAll("whenever");
        s = SHORT_DAY.matcher(s).replaceAll(m -> WeekDays.of(m.group(1)).name().toLowerCase(Locale.ROOT)
                + (m.group(2) == null ? "" : "s"));
        return " " + s.replaceAll("\\s+", " ").trim() + " ";
    }

    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A compiled regex, kept: the parsers build patterns from entity and field names on every request. */
    static Pattern pattern(String regex) {
        if (PATTERNS.size() > 20_000) {
            PATTERNS.clear();
        }
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    /** Words of the text in order; punctuation only shows as a break after the word before it. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(prepare(text));
        while (m.find()) {
            String word = m.group();
            if (!Character.isLetterOrDigit(word.charAt(0))) {
                if (!tokens.isEmpty() && !word.equals("\"")) {
                    Token last = tokens.remove(tokens.size() - 1);
                    tokens.add(new Token(last.text(), true, last.possessive()));
                }
                continue;
            }
            boolean possessive = word.endsWith("'s") || word.endsWith("s'");
            if (word.endsWith("'s")) {
                word = word.substring(0, word.length() - 2);
            }
            tokens.add(new Token(word, false, possessive));
        }
        return tokens;
    }

    /** Splits identifiers like LineItem, line_item or "Line Item" into lowercase words. */
    static List<String> identifierWords(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        List<String> words = new ArrayList<>();
        for (String part : normalize(spaced).split("[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                words.add(part);
            }
        }
        return words;
    }

    /** English singular of a lowercase noun, good enough for matching (categories, addresses, people). */
    static String singular(String word) {
        String irregular = IRREGULAR_PLURALS.get(word);
        if (irregular != null) {
            return irregular;
        }
        int n = word.length();
        if (n <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")
                || word.endsWith("zzes") || word.endsWith("uses")) {
            return word.substring(0, n - 2);
        }
        return word.endsWith("s") ? word.substring(0, n - 1) : word;
    }

    private static final Map<String, String> IRREGULAR_PLURALS = Map.of(
            "people", "person", "children", "child", "men", "man", "women", "woman", "staff", "staff",
            "news", "news", "series", "series", "analytics", "analytics", "data", "data", "sales", "sale");

    static boolean isTimeWord(String word) {
        return TIME_WORDS.contains(word) || TIME_WORDS.contains(singular(word));
    }

    /** Number written with digits or as an English word; -1 when it is neither. */
    static int number(String word) {
        if (word.matches("\\d{1,4}")) {
            return Integer.parseInt(word);
        }
        return NUMBERS.getOrDefault(word, -1);
    }

    /** "don't send", "never post", "not email", "without sending": a verb the person rules out. */
    private static final Pattern NEGATED_VERB = Pattern.compile("(?i)\\b(?:don['’]?t|do not|never|not(?: to)?|without)"
            + "\\s+([a-z]+)\\b");

    /** "I'll send them myself", "we will post it ourselves": the person does it, so the flow must not. */
    private static final Pattern SELF_DONE = Pattern.compile("(?i)\\b(?:i|we)\\s*(?:['’]ll|will|want to|would rather"
            + "|prefer to)\\s+([a-z]+)\\s+(?:it|them|that|those|the\\s+[a-z]+)\\s+(?:myself|ourselves)\\b");

    /** "just a text post, no link": a thing the request does not want. */
    private static final Pattern NO_THING = Pattern.compile("(?i)\\bno\\s+([a-z]{3,})\\b");

    /**
     * The command verbs a text rules out ("send" in "draft it, don't send it"), in their plain form, and the things
     * it says no to ("no link").
     */
    static Set<String> negatedCommands(String text) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Pattern ruling : List.of(NEGATED_VERB, SELF_DONE)) {
            Matcher negated = ruling.matcher(text);
            while (negated.find()) {
                command(negated.group(1)).ifPresent(out::add);
            }
        }
        Matcher no = NO_THING.matcher(text);
        while (no.find()) {
            if (!CLOSED_CLASS.contains(no.group(1).toLowerCase(Locale.ROOT))) {
                out.add(no.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The text without the command verbs it rules out, which say nothing about what to do. */
    static String withoutNegatedCommands(String text) {
        String kept = text;
        for (Pattern ruling : List.of(NEGATED_VERB, SELF_DONE)) {
            kept = ruling.matcher(kept).replaceAll(negated -> command(negated.group(1)).isPresent() ? " "
                    : Matcher.quoteReplacement(negated.group()));
        }
        return kept.replaceAll("\\s+", " ").strip();
    }

    private static java.util.Optional<String> command(String word) {
        String plain = word.toLowerCase(Locale.ROOT).replaceAll("ing$", "");
        return java.util.stream.Stream.of(plain, plain + "e").filter(Nouns.COMMAND_VERBS::contains).findFirst();
    }

    /** Words that say when and what to read, which a misspelling must not hide: "evry friday", "a sumary". */
    static final List<String> STRUCTURE_WORDS = List.of("every", "whenever", "each", "daily", "weekly", "button",
            "monthly", "hourly", "morning", "afternoon", "evening", "night", "tonight", "today", "tomorrow", "weekday",
            "weekdays", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "summary", "someone", "somebody", "created", "updated", "changed", "message", "channel", "schedule",
            "cancelled", "canceled", "completed", "approved", "delivered", "submitted", "reported");
    /** Chat spellings of those words. */
    private static final Map<String, String> INFORMAL = Map.of("wen", "when", "arvo", "afternoon", "tmrw", "tomorrow",
            "nite", "night", "evrey", "every", "weds", "wednesday", "thurs", "thursday");
    private static final Pattern LETTERS = Pattern.compile("(?<![\\w@.#/-])[A-Za-z]{3,}(?![\\w@/-]|\\.\\w)");

    /**
     * The text with misspelt time and trigger words written out ("evry friday arvo" as "every friday afternoon"): a
     * word the model does not know, one letter off exactly one of them. Names, addresses and channels stay.
     */
    static String withStructureWordsSpelled(String text) {
        return withWordsSpelled(text, STRUCTURE_WORDS);
    }

    /** The same for the given words as well: the words of the catalog's action names ("a coment"). */
    static String withWordsSpelled(String text, Collection<String> words) {
        Matcher m = LETTERS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            String fixed = INFORMAL.get(lower);
            if (fixed == null && lower.length() >= 4 && !Vocabulary.knows(lower)) {
                List<String> near = words.stream()
                        .filter(w -> w.charAt(0) == lower.charAt(0) && editDistance(lower, w) == 1
                                && !singular(w).equals(singular(lower))).toList();
                fixed = near.size() == 1 ? near.get(0) : null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(fixed == null ? word : fixed));
        }
        return m.appendTail(out).toString();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * True when a word of the text is a plausible typo of a known word: 1 edit from 5 letters, 2 from 8, and for
     * four-letter words only two swapped neighbours ("tdoo").
     */
    /**
     * "appt" for appointment, "mgr" for manager: a word the model does not know, made of the first letter and then
     * letters of the longer word in order.
     */
    static boolean isAbbreviationOf(String typed, String known) {
        if (typed.length() < 3 || known.length() < typed.length() + 3 || typed.charAt(0) != known.charAt(0)
                || CLOSED_CLASS.contains(typed) || Vocabulary.knows(typed)) {
            return false;
        }
        int at = 1;
        for (int i = 1; i < typed.length() && at > 0; i++) {
            at = known.indexOf(typed.charAt(i), at) + 1;
        }
        return at > 0;
    }

    static boolean isTypoOf(String typed, String known) {
        int length = Math.min(typed.length(), known.length());
        if (typed.equals(known) || COMMON_WORDS.contains(typed) || CLOSED_CLASS.contains(typed)) {
            return false;
        }
        if (length == 4 && typed.length() == 4 && known.length() == 4) {
            return isSwap(typed, known);
        }
        if (length < 5) {
            return false;
        }
        if (typed.charAt(0) != known.charAt(0) && length < 8) {
            return false;
        }
        int allowed = length >= 8 ? 2 : 1;
        return editDistance(typed, known) <= allowed;
    }

    private static boolean isSwap(String a, String b) {
        for (int i = 0; i + 1 < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                        && a.substring(i + 2).equals(b.substring(i + 2));
            }
        }
        return false;
    }

    /** Frequent English words that sit one edit away from common business nouns and must never count as typos. */
    private static final Set<String> COMMON_WORDS = Set.copyOf(Arrays.asList((
            "older border orders ordered leader loader leads leaders event events evens invoke invite invites "
            + "contract contacts context content counter courses course cases cause causes close closed "
            + "closes clients client tasks tickets ticket rickets pocket socket rocket bucket basket market "
            + "marker markets report reports export import support sport project protect product produce "
            + "products deals dealt details detail retail review reviews preview previews viewer viewers "
            + "rating ratings dating eating seating waiting writing booking looking cooking working meeting "
            + "setting sitting getting putting posting hosting costing listing listen listed lists issue "
            + "issues tissue message messages massage passage usage stage stages state states status statue "
            + "notes noted notify entry entries enter sheets shoots shorts sorts starts stars start store "
            + "stores story stories order other others under after every never where there these those their "
            + "three thing things think today until while which would could should about above below being "
            + "doing going having first second third later early email emails mails daily weekly hourly "
            + "monthly nightly night nights right light might weeks month months hours house users user uses "
            + "person persons personal account accounts amount amounts count counts country company compare "
            + "companion member members remember number numbers submit summit invoice invoices voice choice "
            + "price prices prize print point points plans plane place places placed spaces sales sale scale "
            + "rules roles files fields field filed tables table labels label cable able items item teams "
            + "team terms forms form from share shared shore score scores channel channels chapel panel "
            + "panels pages paged page posts poster posted hosts boost ghost records record recorder folder "
            + "folders holder sender senders calendar tender render lender vendor vendors window widow whole "
            + "white write wrote quote quotes votes tones tonne topic topics tropic").split(" ")));
}
