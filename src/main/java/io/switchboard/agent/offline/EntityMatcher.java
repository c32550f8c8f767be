package io.switchboard.agent.offline;

import io.switchboard.agent.offline.Words.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the app entity a request is about from loose wording: plurals, "to-do list", synonyms, camelCase names and
 * typos. When the request is clearly about some other kind of data ("a digest of my invoices" in a to-do app), it
 * reports that noun instead.
 */
public final class EntityMatcher {

    /** A way of writing an entity: its joined singular key and how much a match on it is worth. */
    private record Form(int entity, String key, int weight) {
    }

    private record Mention(int entity, int start, int end, int weight) {
    }

    private record Scored(int entity, int start, int score) {
    }

    private record Unknown(String noun, int score) {
    }

    private static final int NAME = 3;
    private static final int SYNONYM = 2;
    private static final int GENERIC = 1;
    private static final int TRIGGER = 5;
    /** Taken off a noun that receives what is sent ("email each technician the jobs"): the jobs are the data. */
    private static final int RECIPIENT = 3;

    private static final Set<String> STRONG_MARKERS = Set.of("new", "each", "every", "all", "my", "our", "any",
            "incoming", "recent", "latest", "upcoming", "today", "newest");
    private static final Set<String> COUNTING_MARKERS = Set.of("new", "each", "every", "any", "incoming", "newest");
    private static final Set<String> WEAK_MARKERS = Set.of("the", "these", "those", "their", "your", "its", "this",
            "of", "for", "about", "on");
    private static final Set<String> COPYING_OR_LISTING_VERBS = Set.of("sync", "export", "copy", "mirror", "import", "backup",
            "archive", "listing", "summarising", "summarizing");
    private static final Set<String> DESTINATIONS = Set.of("from", "to", "into", "onto", "on", "in", "using", "via",
            "through", "inside");
    private static final Set<String> REPORT_WORDS = Set.of("summary", "report", "digest", "list", "export", "backup",
            "overview", "recap", "count", "stats", "statistics", "data", "details", "info", "information", "csv",
            "log", "feed", "queue", "pipeline", "backlog", "updates", "update", "activity", "history", "volume",
            "metrics", "numbers", "table", "sheet", "spreadsheet", "dashboard", "totals");
    private static final Set<String> VERB_OBJECTS = Set.of("me", "us", "him", "her", "them", "it", "a", "an", "the",
            "my", "our", "your", "their", "this", "that", "these", "those", "some", "all", "every", "each");
    private static final Set<String> COMMAND_LEAD = Set.of("to", "please", "i", "we", "you", "and", "then", "can",
            "could", "would", "will", "should", "must", "let's", "lets", "also", "just", "or");
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "gets", "get", "got", "has",
            "have", "had", "been", "being", "be", "just", "newly", "first", "successfully", "recently", "finally",
            "that", "which", "who", "actually");
    private static final Set<String> MAIN_SUBJECTS = Set.of("i", "we", "i'd", "we'd", "i'll", "we'll", "please");
    /** Who does something that makes a record: "someone books", "a customer orders". */
    private static final Set<String> VERB_SUBJECTS = Set.of("i", "we", "you", "they", "he", "she", "someone",
            "somebody", "anyone", "anybody", "people", "user", "users", "customer", "customers", "client", "clients",
            "member", "members", "guest", "guests");
    private static final Set<String> RELATIVES = Set.of("that", "which", "who", "whose");
    private static final Set<String> NEGATIONS = Set.of("not", "never", "dont", "don't", "doesnt", "doesn't",
            "didnt", "didn't");
    /** Words that give a noun to another ("patrons with overdue loans", "pets that have a vaccination due"). */
    private static final Set<String> POSSESSION = Set.of("with", "have", "has", "having");
    /** Nouns that list records of the noun before them: "the boarding schedule", "the invoice summary". */
    private static final Set<String> LISTING_WORDS = Set.of("summary", "report", "digest", "list", "schedule",
            "roster", "rota", "overview", "recap", "backlog", "queue", "timetable", "agenda");
    private static final Set<String> GENERIC_WORDS = Set.of("record", "entry", "item", "data", "row", "submission");
    private static final Set<String> CLAUSE_OPENERS = Set.of("when", "whenever", "upon", "after", "if", "once");
    private static final Set<String> NOT_AFTER_ONCE = Set.of("per", "every", "each", "more", "again",
            "daily", "weekly", "monthly");
    private static final Set<String> AS_SUBJECTS = Set.of("i", "we", "you", "they", "someone", "somebody", "anyone",
            "people", "user", "users", "customer", "customers", "it", "soon");
    /** Verbs that take who receives and then what: "email X the list", "send X a summary". */
    private static final Set<String> SENDING_VERBS = Set.of("email", "mail", "send", "message", "text", "ping", "dm",
            "remind", "tell", "notify", "forward", "give", "show");
    /** Words that open the thing sent after a recipient. */
    private static final Set<String> SENT_OPENERS = Set.of("the", "a", "an", "their", "his", "her", "its", "your",
            "our", "my", "all", "this", "these", "those", "today", "tomorrow", "yesterday");
    private static final Set<String> MANUAL_VERBS = Set.of("press", "presses", "click", "clicks", "tap", "taps", "hit",
            "hits", "push", "pushes", "select", "selects", "choose", "run", "runs", "trigger", "ask", "say", "type");

    /** Addresses and links name a place, not the app's data ("members@gym.fit" is no Member). */
    private static final java.util.regex.Pattern ADDRESSES = java.util.regex.Pattern
            .compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|https?://\\S+");

    private EntityMatcher() {
    }

    public static EntityMatch match(String text, List<EntityInfo> entities) {
        if (text == null || text.isBlank() || entities == null || entities.isEmpty()) {
            return EntityMatch.none();
        }
        List<Token> tokens = Words.tokens(ADDRESSES.matcher(text).replaceAll(" "));
        boolean[] inClause = clauses(tokens);
        List<Mention> mentions = new ArrayList<>(mentions(tokens, forms(entities), inClause).stream()
                .filter(m -> !opensFieldOfAnother(m, tokens, entities)).toList());
        mentions.addAll(doneTo(tokens, entities, inClause));
        Optional<Scored> best = mentions.stream().map(m -> score(m, tokens, mentions, inClause, entities))
                .filter(s -> s.score() > 0)
                .max(Comparator.comparingInt(Scored::score).thenComparing(s -> -s.start()));
        Optional<Unknown> unknown = unknown(tokens, entities, mentions, inClause);
        if (unknown.isPresent() && (best.isEmpty() || unknown.get().score() > best.get().score())) {
            return new EntityMatch(Optional.empty(), Optional.of(unknown.get().noun()));
        }
        return new EntityMatch(best.map(s -> entities.get(s.entity()).name()), Optional.empty());
    }

    /**
     * "when seeds get returned" in an app with SeedReturn records: the first word of a compound name, then what its
     * last word says was done to it, names a record of that kind.
     */
    private static List<Mention> doneTo(List<Token> tokens, List<EntityInfo> entities, boolean[] inClause) {
        List<Mention> found = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            List<String> words = Words.identifierWords(entities.get(e).name());
            if (words.size() < 2) {
                continue;
            }
            String head = words.get(words.size() - 1);
            for (int i = 0; i < tokens.size(); i++) {
                if (inClause[i] && !tokens.get(i).breakAfter() && Words.singular(tokens.get(i).text()).equals(words.get(0))
                        && doneAfter(tokens, i + 1, head)) {
                    found.add(new Mention(e, i, i + 1, NAME));
                }
            }
        }
        return found;
    }

    private static boolean doneAfter(List<Token> tokens, int from, String head) {
        for (int k = from; k < tokens.size() && k < from + 3; k++) {
            String word = tokens.get(k).text();
            if (word.equals(head + "ed") || word.equals(head + "d")) {
                return true;
            }
            if (!AUXILIARIES.contains(word) || tokens.get(k).breakAfter()) {
                return false;
            }
        }
        return false;
    }

    private static List<Form> forms(List<EntityInfo> entities) {
        List<Form> forms = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            String key = Nouns.key(entities.get(e).name());
            List<String> words = Words.identifierWords(entities.get(e).name());
            if (key.isEmpty()) {
                continue;
            }
            forms.add(new Form(e, key, NAME));
            String head = Words.singular(words.get(words.size() - 1));
            if (words.size() > 1) {
                forms.add(new Form(e, head, SYNONYM));
                // the modifier of a compound name says what it is about: "the menu" is the MenuItem records
                String modifier = words.get(0);
                if (!Words.CLOSED_CLASS.contains(modifier) && !Nouns.NOT_DATA.contains(modifier)
                        && !Nouns.ADJECTIVES.contains(modifier)) {
                    forms.add(new Form(e, modifier, SYNONYM));
                }
                String acronym = words.stream().map(w -> w.substring(0, 1)).reduce("", String::concat);
                if (!Words.CLOSED_CLASS.contains(acronym) && !Words.isTimeWord(acronym)) {
                    forms.add(new Form(e, acronym, SYNONYM));
                }
            }
            Set<String> synonyms = Nouns.synonymsOf(key);
            synonyms.addAll(Nouns.synonymsOf(head));
            for (String synonym : synonyms) {
                forms.add(new Form(e, synonym, SYNONYM));
            }
        }
        if (entities.size() == 1) {
            GENERIC_WORDS.stream().sorted().forEach(g -> forms.add(new Form(0, g, GENERIC)));
        }
        return forms;
    }

    /**
     * Every place an entity is written, longest reading first, so "to do items" is one mention; exact readings
     * everywhere before typos, so "of ingredients" is never read as a misspelt "ingredient".
     */
    private static List<Mention> mentions(List<Token> tokens, List<Form> forms, boolean[] inClause) {
        List<Mention> mentions = new ArrayList<>();
        boolean[] covered = new boolean[tokens.size()];
        for (boolean typos : new boolean[] {false, true}) {
            int i = 0;
            while (i < tokens.size()) {
                List<Mention> found = covered[i] ? List.of()
                        : typos ? typosAt(tokens, forms, i, covered) : exactAt(tokens, forms, i, inClause[i]);
                if (found.isEmpty()) {
                    i++;
                    continue;
                }
                mentions.addAll(found);
                for (int k = i; k < found.get(0).end(); k++) {
                    covered[k] = true;
                }
                i = found.get(0).end();
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    private static List<Mention> exactAt(List<Token> tokens, List<Form> forms, int i, boolean inClause) {
        for (int width = 3; width >= 1; width--) {
            String joined = joined(tokens, i, width);
            if (joined == null) {
                continue;
            }
            String singular = Words.singular(joined);
            List<Mention> exact = new ArrayList<>();
            for (Form form : forms) {
                if (form.key().equals(joined) || form.key().equals(singular)) {
                    exact.add(new Mention(form.entity(), i, i + width, form.weight()));
                }
            }
            if (inClause && exact.isEmpty()) {
                Set<String> created = Nouns.createdBy(joined);
                for (Form form : forms) {
                    if (created.contains(form.key()) && form.weight() >= SYNONYM) {
                        // "when a book is checked out" makes a Loan: the record made outranks the one acted on
                        exact.add(new Mention(form.entity(), i, i + width, NAME + 1));
                    }
                }
            }
            if (inClause && exact.isEmpty() && width == 1 && i > 0 && !tokens.get(i - 1).breakAfter()
                    && VERB_SUBJECTS.contains(tokens.get(i - 1).text())) {
                for (Form form : forms) {
                    if (form.weight() == NAME && isVerbOf(joined, form.key())) {
                        // "when someone books a desk" makes a Booking: the record the verb names, not its object
                        exact.add(new Mention(form.entity(), i, i + width, NAME + 1));
                    }
                }
            }
            if (!exact.isEmpty()) {
                return best(exact);
            }
        }
        return List.of();
    }

    /** "their delivery day" in an app with Delivery records and a Subscriber's delivery_day is that field. */
    private static boolean opensFieldOfAnother(Mention mention, List<Token> tokens, List<EntityInfo> entities) {
        for (int e = 0; e < entities.size(); e++) {
            if (e == mention.entity()) {
                continue;
            }
            for (EntityInfo.Field field : entities.get(e).fields()) {
                List<String> words = Words.identifierWords(field.name());
                if (words.size() > 1 && mention.start() + words.size() <= tokens.size()
                        && words.equals(tokens.subList(mention.start(), mention.start() + words.size()).stream()
                                .map(Token::text).toList())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "books" for a Booking, "reserves" for a Reservation, "orders" for an Order. */
    static boolean isVerbOf(String word, String key) {
        String verb = word.replaceFirst("(?:es|s|ed|d)$", "");
        String noun = key.replaceFirst("(?:ation|ition|ment|ing|ion|al)$", "");
        return noun.length() >= 4 && verb.length() >= noun.length() && verb.startsWith(noun)
                && verb.length() - noun.length() <= 2 && !word.equals(key);
    }

    private static List<Mention> typosAt(List<Token> tokens, List<Form> forms, int i, boolean[] covered) {
        for (int width = 2; width >= 1; width--) {
            String joined = joined(tokens, i, width);
            if (joined == null || (width == 2 && (covered[i + 1] || Words.CLOSED_CLASS.contains(tokens.get(i).text())
                    || Words.CLOSED_CLASS.contains(tokens.get(i + 1).text())))) {
                continue;
            }
            String singular = Words.singular(joined);
            List<Mention> typos = new ArrayList<>();
            for (Form form : forms) {
                boolean typo = Words.isTypoOf(singular, form.key()) || Words.isTypoOf(joined, form.key())
                        || width == 1 && Words.isAbbreviationOf(singular, form.key());
                if (form.weight() > GENERIC && typo) {
                    typos.add(new Mention(form.entity(), i, i + width, form.weight() - 1));
                }
            }
            if (!typos.isEmpty()) {
                return best(typos);
            }
        }
        return List.of();
    }

    /** The strongest reading per entity at one place. */
    private static List<Mention> best(List<Mention> candidates) {
        List<Mention> best = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        candidates.stream().sorted(Comparator.comparingInt(Mention::weight).reversed()).forEach(m -> {
            if (seen.add(m.entity())) {
                best.add(m);
            }
        });
        return best;
    }

    private static String joined(List<Token> tokens, int start, int width) {
        if (start + width > tokens.size()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (int k = start; k < start + width; k++) {
            if (k > start && (tokens.get(k - 1).breakAfter() || tokens.get(k - 1).possessive())) {
                return null;
            }
            joined.append(tokens.get(k).text());
        }
        return joined.toString();
    }

    /**
     * How strongly a mention is the source of the request: the subject of the event and "each new X", "my X",
     * "list of X" count for it; "a HubSpot contact", "as contacts" or "create a matching account" are the target.
     */
    private static Scored score(Mention m, List<Token> tokens, List<Mention> mentions, boolean[] inClause,
            List<EntityInfo> entities) {
        int score = m.weight();
        Token last = tokens.get(m.end() - 1);
        Token next = m.end() < tokens.size() && !last.breakAfter() ? tokens.get(m.end()) : null;
        if (isCommand(tokens, m.start(), next)) {
            return new Scored(m.entity(), m.start(), 0);
        }
        boolean trigger = inClause[m.start()] || followedByEvent(tokens, m.end(), last.possessive())
                || headline(tokens, m);
        if (trigger && next != null && EventParser.EVENT_WORDS.contains(next.text())
                && objectIsMention(tokens, mentions, m.end() + 1)) {
            // "when a tutor finishes a session": who acts; the record the event happens to is the object
            trigger = false;
        }
        if (trigger) {
            score += TRIGGER;
        }
        boolean reportOf = next != null && REPORT_WORDS.contains(next.text());
        if (reportOf) {
            score += 1;
        }
        boolean modifiesAnotherNoun = mentions.stream().anyMatch(o -> o.start() == m.end())
                || (next != null && Nouns.NOT_DATA.contains(Words.singular(next.text())) && !reportOf
                        && !GENERIC_WORDS.contains(Words.singular(next.text())));
        // "the order status": the record named by one of its own fields, as in "the order's status"
        boolean ownField = next != null && entities.get(m.entity()).fields().stream()
                .anyMatch(f -> Words.identifierWords(f.name()).get(0).equals(next.text()));
        if (next != null && !last.possessive() && modifiesAnotherNoun && !ownField) {
            score -= 4;
        }
        // "a deck for the crew huddle": what the result is for, a noun the mention only describes
        if (next != null && !last.possessive() && !ownField && forPurpose(tokens, m.start()) && plainNoun(next.text())) {
            score -= 4;
        }
        if (next != null && SENT_OPENERS.contains(next.text()) && afterSendingVerb(tokens, m.start())) {
            score -= RECIPIENT;
        }
        Context context = context(tokens, m.start());
        if (context.target() || (context.indefinite() && !trigger && !reportOf)) {
            score -= 4;
        } else {
            score += context.marker();
        }
        return new Scored(m.entity(), m.start(), score);
    }

    /** "New enrollment -> add a row ...", "new sign-up: email me": a heading that names the event. */
    private static boolean headline(List<Token> tokens, Mention m) {
        int before = m.start() - 1;
        return before >= 0 && COUNTING_MARKERS.contains(tokens.get(before).text())
                && (before == 0 || tokens.get(before - 1).breakAfter()) && tokens.get(m.end() - 1).breakAfter();
    }

    private static boolean objectIsMention(List<Token> tokens, List<Mention> mentions, int from) {
        int at = from < tokens.size() && Words.DETERMINERS.contains(tokens.get(from).text()) ? from + 1 : from;
        return mentions.stream().anyMatch(o -> o.start() == at);
    }

    /**
     * What comes before a noun: a source marker ("my", or "each new" which also says the noun counts records), an
     * indefinite article, or a tool name.
     */
    private record Context(int marker, boolean counted, boolean indefinite, boolean target) {
    }

    private static Context context(List<Token> tokens, int start) {
        int marker = 0;
        boolean counted = false;
        for (int k = start - 1, steps = 0; k >= 0 && steps < 3 && !tokens.get(k).breakAfter(); k--, steps++) {
            String word = tokens.get(k).text();
            if (steps == 0 && Nouns.BRANDS.contains(word)) {
                return new Context(0, false, false, true);
            }
            if (word.equals("a") || word.equals("an")) {
                if (k > 0 && !tokens.get(k - 1).breakAfter() && POSSESSION.contains(tokens.get(k - 1).text())) {
                    // "assignments that still don't have an interpreter" are read, not the interpreters they lack
                    boolean lacking = k > 1 && NEGATIONS.contains(tokens.get(k - 2).text());
                    return new Context(lacking ? 0 : Math.max(marker, 2), counted, false, false);
                }
                return new Context(marker, counted, true, false);
            }
            if (POSSESSION.contains(word)) {
                // "patrons with overdue loans": the records the condition is about, so the ones to read
                return new Context(Math.max(marker, 2), counted, false, false);
            }
            boolean soonAs = word.equals("as") && k > 0 && tokens.get(k - 1).text().equals("soon");
            if (soonAs) {
                break; // "as soon as each donation comes in" opens a clause; it names no role
            }
            if (word.equals("as") || word.equals("matching") || word.equals("corresponding")) {
                return new Context(0, false, false, true);
            }
            if (STRONG_MARKERS.contains(word)) {
                if ((word.equals("my") || word.equals("our")) && k > 0 && !tokens.get(k - 1).breakAfter()
                        && DESTINATIONS.contains(tokens.get(k - 1).text())) {
                    return new Context(0, false, false, true);
                }
                marker = Math.max(marker, 2);
                counted |= COUNTING_MARKERS.contains(word);
                continue;
            }
            if (WEAK_MARKERS.contains(word)) {
                boolean listOf = word.equals("of") && k > 0 && REPORT_WORDS.contains(tokens.get(k - 1).text());
                // "all the unpaid invoices" counts them as "all invoices" does
                boolean allOf = k > 0 && !tokens.get(k - 1).breakAfter() && tokens.get(k - 1).text().equals("all");
                // "sync the game master shifts", "a doc listing the patients": what is copied or listed is the data
                boolean copied = k > 0 && !tokens.get(k - 1).breakAfter()
                        && COPYING_OR_LISTING_VERBS.contains(tokens.get(k - 1).text());
                return new Context(Math.max(marker, listOf || allOf || copied ? 2 : 1), counted, false, false);
            }
            // "this weekends fixtures", "todays bookings": the same with the apostrophe left out
            boolean possessive = tokens.get(k).possessive() || (steps == 0 && word.endsWith("s"));
            if (possessive && Words.isTimeWord(word)) {
                // "today's tasks", "this week's stays": the records of that day, so the ones to read; "the week's
                // spend" too, a mass of them
                return new Context(Math.max(marker, 2), counted || tokens.get(k).possessive(), false, false);
            }
            if (Words.CLOSED_CLASS.contains(word) || Words.isTimeWord(word) || tokens.get(k).possessive()) {
                break;
            }
        }
        return new Context(marker, counted, false, false);
    }

    /** The noun at start follows a sending verb, past at most two markers: "email each technician". */
    private static boolean afterSendingVerb(List<Token> tokens, int start) {
        for (int k = start - 1; k >= 0 && k >= start - 3 && !tokens.get(k).breakAfter(); k--) {
            String word = tokens.get(k).text();
            if (SENDING_VERBS.contains(word)) {
                return true;
            }
            if (!STRONG_MARKERS.contains(word) && !WEAK_MARKERS.contains(word)) {
                return false;
            }
        }
        return false;
    }

    /** "Order me a pizza", "Review the ticket": a verb that happens to be spelled like an entity. */
    private static boolean isCommand(List<Token> tokens, int start, Token next) {
        if (next == null || !VERB_OBJECTS.contains(next.text())) {
            return false;
        }
        return start == 0 || tokens.get(start - 1).breakAfter() || COMMAND_LEAD.contains(tokens.get(start - 1).text());
    }

    /** "X is created", "X comes in", "X's stage changes". */
    private static boolean followedByEvent(List<Token> tokens, int from, boolean possessive) {
        int skipped = 0;
        boolean nounSkipped = !possessive;
        for (int k = from; k < tokens.size() && skipped < 4; k++) {
            String word = tokens.get(k).text();
            if (EventParser.EVENT_WORDS.contains(word)) {
                return true;
            }
            if (!AUXILIARIES.contains(word)) {
                if (nounSkipped) {
                    return false;
                }
                nounSkipped = true;
            }
            if (tokens.get(k).breakAfter()) {
                return false;
            }
            skipped++;
        }
        return false;
    }

    /** Marks the words inside trigger clauses ("whenever a new deal is won"), but not "when I press the button". */
    private static boolean[] clauses(List<Token> tokens) {
        boolean[] inClause = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (!opensClause(tokens, i) || isManual(tokens, i)) {
                continue;
            }
            boolean happened = false;
            for (int k = i + 1; k < tokens.size() && !tokens.get(k).text().equals("then"); k++) {
                // "when a plan gets approved I'd like a draft to the patient": the main clause starts with its subject
                // or with its verb: "when a walk is marked completed send the owner the walker's notes"
                if (happened && (MAIN_SUBJECTS.contains(tokens.get(k).text())
                        || Words.startsRequest(tokens.get(k - 1).text(), tokens.get(k).text()))) {
                    break;
                }
                // "when someone books a pickup": the word after who acts is what they do
                happened |= EventParser.EVENT_WORDS.contains(tokens.get(k).text())
                        || k > i + 1 && VERB_SUBJECTS.contains(tokens.get(k - 1).text());
                inClause[k] = true;
                if (tokens.get(k).breakAfter()) {
                    break;
                }
            }
        }
        return inClause;
    }

    private static boolean opensClause(List<Token> tokens, int i) {
        String word = tokens.get(i).text();
        String next = i + 1 < tokens.size() && !tokens.get(i).breakAfter() ? tokens.get(i + 1).text() : "";
        if (word.equals("once")) {
            if (next.equals("a") || next.equals("an")) {
                // "once a week" is a frequency, "once an order ships" a trigger
                String after = i + 2 < tokens.size() && !tokens.get(i + 1).breakAfter() ? tokens.get(i + 2).text() : "";
                return !after.matches(Periods.WORD);
            }
            return !next.isEmpty() && !NOT_AFTER_ONCE.contains(next);
        }
        if (word.equals("as")) {
            return AS_SUBJECTS.contains(next);
        }
        return CLAUSE_OPENERS.contains(word) && !tokens.get(i).breakAfter();
    }

    private static boolean isManual(List<Token> tokens, int i) {
        for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
            if (MANUAL_VERBS.contains(tokens.get(k).text())) {
                return true;
            }
            if (tokens.get(k).breakAfter()) {
                return false;
            }
        }
        return false;
    }

    /** A data noun in a source position that is none of the app's entities: "my invoices", "a new subscription". */
    private static Optional<Unknown> unknown(List<Token> tokens, List<EntityInfo> entities, List<Mention> mentions,
            boolean[] inClause) {
        Set<String> fieldNames = new HashSet<>();
        for (EntityInfo entity : entities) {
            for (EntityInfo.Field field : entity.fields()) {
                fieldNames.add(Nouns.key(field.name()));
            }
        }
        Optional<Unknown> best = Optional.empty();
        for (int h = 0; h < tokens.size(); h++) {
            int at = h;
            Token token = tokens.get(h);
            if (mentions.stream().anyMatch(m -> at >= m.start() && at < m.end()) || !isHead(tokens, h)
                    || !(couldBeData(token.text(), fieldNames) || happensToCompound(tokens, h, inClause, fieldNames))
                    || looksLikeTypo(token.text(), entities) || isAgentOf(tokens, h, mentions)) {
                continue;
            }
            Context context = context(tokens, h);
            // "a new Deposition record is created": the word before "record" names the kind of record
            boolean named = namedRecord(tokens, h);
            boolean trigger = inClause[h]
                    && (followedByEvent(tokens, named ? h + 2 : h + 1, token.possessive()) || context.indefinite());
            boolean plural = !Words.singular(token.text()).equals(token.text()) || named
                    && !Words.singular(tokens.get(h + 1).text()).equals(tokens.get(h + 1).text());
            // "the boarding schedule" lists boardings, so does "a summary of the glaze orders"; "a progress summary"
            // is just a kind of summary
            boolean listing = h + 1 < tokens.size() && !token.breakAfter() && !token.possessive()
                    && LISTING_WORDS.contains(tokens.get(h + 1).text());
            // "... for the maintenance digest" says what the result is for, not what to read
            if (listing && forPurpose(tokens, h)) {
                continue;
            }
            boolean listed = (listing || h + 1 < tokens.size() && !token.breakAfter() && !token.possessive()
                    && selectedBy(tokens, h + 1) || listedBefore(tokens, h)) && context.marker() >= 1;
            if (context.target() || (context.marker() < 2 && !trigger && !listed)
                    || !(plural || context.counted() || trigger || listed)) {
                continue;
            }
            int score = SYNONYM + (context.indefinite() ? 0 : context.marker()) + (trigger ? TRIGGER : 0)
                    + (Nouns.isKnownRecord(Words.singular(token.text())) ? 1 : 0);
            if (best.isEmpty() || score > best.get().score()) {
                best = Optional.of(new Unknown(withModifier(tokens, h, fieldNames), score));
            }
        }
        return best;
    }

    /**
     * "when a gift card is sold", "whenever a new recall notice is logged": a word that usually means a thing in a
     * tool, made a kind of the app's data by the noun before it and by what happens to it.
     */
    private static boolean happensToCompound(List<Token> tokens, int h, boolean[] inClause, Set<String> fieldNames) {
        if (!inClause[h] || h == 0 || tokens.get(h - 1).breakAfter() || !followedByEvent(tokens, h + 1, false)) {
            return false;
        }
        String modifier = tokens.get(h - 1).text();
        String word = tokens.get(h).text();
        return Nouns.NOT_DATA.contains(Words.singular(word)) && couldBeData(modifier, fieldNames)
                && Words.singular(modifier).equals(modifier) && !STRONG_MARKERS.contains(modifier);
    }

    private static boolean namedRecord(List<Token> tokens, int h) {
        return h + 1 < tokens.size() && !tokens.get(h).breakAfter() && !tokens.get(h).possessive()
                && GENERIC_WORDS.contains(Words.singular(tokens.get(h + 1).text()));
    }

    private static boolean plainNoun(String word) {
        return word.length() >= 3 && word.chars().allMatch(Character::isLetter) && !Words.CLOSED_CLASS.contains(word)
                && !EventParser.EVENT_WORDS.contains(word) && !Words.isTimeWord(word) && !word.endsWith("ing")
                && !word.endsWith("ed") && !Nouns.COMMAND_VERBS.contains(word);
    }

    private static boolean forPurpose(List<Token> tokens, int h) {
        int k = h - 1;
        if (k >= 0 && Words.DETERMINERS.contains(tokens.get(k).text())) {
            k--;
        }
        return k >= 0 && tokens.get(k).text().equals("for") && !tokens.get(k).breakAfter();
    }

    /** "a summary of the glaze orders", "a list of all open jobs": a listing word, "of", then the noun group. */
    private static boolean listedBefore(List<Token> tokens, int h) {
        for (int k = h - 1; k >= 1 && k >= h - 4 && !tokens.get(k).breakAfter(); k--) {
            if (tokens.get(k).text().equals("of")) {
                return LISTING_WORDS.contains(tokens.get(k - 1).text()) && !tokens.get(k - 1).breakAfter();
            }
        }
        return false;
    }

    /** "the ingredients that are running low": a relative clause picks which records to read. */
    private static boolean selectedBy(List<Token> tokens, int from) {
        return from + 1 < tokens.size() && !tokens.get(from).breakAfter()
                && RELATIVES.contains(tokens.get(from).text()) && AUXILIARIES.contains(tokens.get(from + 1).text());
    }

    /** "podcast episode", not just "episode": the noun before the head narrows what kind of data it is. */
    private static String withModifier(List<Token> tokens, int h, Set<String> fieldNames) {
        if (h == 0 || tokens.get(h - 1).breakAfter() || tokens.get(h - 1).possessive()) {
            return tokens.get(h).text();
        }
        String before = tokens.get(h - 1).text();
        boolean noun = couldBeData(before, fieldNames) && Words.singular(before).equals(before)
                && !STRONG_MARKERS.contains(before) && !before.endsWith("ing") && !before.endsWith("ed");
        return noun ? before + " " + tokens.get(h).text() : tokens.get(h).text();
    }

    /** "a new user registers" in an app with registrations: the user is who acts, the registration is the data. */
    private static boolean isAgentOf(List<Token> tokens, int h, List<Mention> mentions) {
        for (int k = h; k < Math.min(tokens.size() - 1, h + 3) && !tokens.get(k).breakAfter(); k++) {
            int next = k + 1;
            if (mentions.stream().anyMatch(m -> m.start() == next)) {
                return true;
            }
        }
        return false;
    }

    /** The last word of a noun group: what follows is punctuation, a function word or an event verb. */
    private static boolean isHead(List<Token> tokens, int h) {
        if (tokens.get(h).breakAfter() || tokens.get(h).possessive() || h == tokens.size() - 1) {
            return true;
        }
        String next = tokens.get(h + 1).text();
        return Words.CLOSED_CLASS.contains(next) || GENERIC_WORDS.contains(Words.singular(next)) || EventParser.EVENT_WORDS.contains(next) || Words.isTimeWord(next)
                || LISTING_WORDS.contains(next) || next.endsWith("ing") || next.endsWith("ed")
                || next.length() > 5 && next.endsWith("ly"); // "the patients currently in care"
    }

    private static boolean looksLikeTypo(String word, List<EntityInfo> entities) {
        String singular = Words.singular(word);
        return entities.stream().map(e -> Nouns.key(e.name()))
                .anyMatch(key -> Words.editDistance(singular, key) <= 1 || Words.editDistance(word, key) <= 1);
    }

    private static boolean couldBeData(String word, Set<String> fieldNames) {
        String singular = Words.singular(word);
        return word.length() >= 3 && word.chars().allMatch(Character::isLetter)
                && !Words.CLOSED_CLASS.contains(word) && !Words.isTimeWord(word)
                && !Nouns.NOT_DATA.contains(word) && !Nouns.NOT_DATA.contains(singular)
                && !Nouns.ADJECTIVES.contains(word) && !Nouns.BRANDS.contains(word)
                && !EventParser.EVENT_WORDS.contains(word) && !Nouns.COMMAND_VERBS.contains(word) && Words.number(word) < 0
                && !fieldNames.contains(singular) && !word.endsWith("ly");
    }
}
