package io.switchboard.agent.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which record change a request reacts to ("when a ticket is closed") and any condition on a field. */
public final class EventParser {

    /**
     * A phrase that signals an event. Weak cues ("new") only count when no real verb does; clause-only cues are
     * bare verbs ("add", "close") that read as commands unless they follow "when", "whenever", "as I" and the like.
     */
    private record Cue(RecordEvent event, Pattern pattern, boolean weak, boolean clauseOnly) {
    }

    private record Hit(Cue cue, int rank, int position) {
    }

    /** Participles that after "is" do not mean an update: creations, removals, and plain descriptions ("is called"). */
    private static final List<String> NOT_UPDATES = List.of("created", "added", "submitted", "placed", "received",
            "registered", "inserted", "enrolled", "posted", "opened", "entered", "logged", "filed", "raised", "booked",
            "reported",
            "published", "uploaded", "signed", "filled", "deleted", "removed", "cancelled", "canceled", "archived",
            "trashed", "destroyed", "discarded", "purged", "recorded", "saved", "captured", "scheduled", "imported",
            "generated", "issued", "need", "used", "based", "called", "named", "titled",
            "related", "linked", "attached", "interested", "supposed", "checked out", "borrowed");

    private static final String BE = "(?:is|are|was|were|gets?|got|been|being|be|'s|'re|newly|just)\\s+(?:\\w+\\s+)?";

    /** "is sold", "gets tagged": some change to a record, unless the same clause calls the record new. */
    private static final Cue PARTICIPLE = clauseOnly(RecordEvent.UPDATED, "\\b(?:is|are|was|were|gets?|got)\\s+"
            + "(?!(?:" + String.join("|", NOT_UPDATES) + ")\\b)"
            + "(?:[a-z]+ed|sold|sent|read|taken|given|seen|set|hidden|shown|kept|held|met|spent|split"
            + "|shut|put|lent|let|won|lost|paid|done|undone|rewritten|overdue)\\b");

    private static final List<Cue> CUES = List.of(
            strong(RecordEvent.CREATED, "\\b(?:created|added|submitted|placed|received|registered|inserted|enrolled"
                    + "|signed\\s*-?\\s*up|recently\\s+added)\\b"),
            strong(RecordEvent.CREATED, "\\b" + BE + "(?:made|posted|opened|entered|logged|filed|raised|booked|reported"
                    + "|published|uploaded|left|written|issued|scheduled|recorded|captured)\\b|\\b(?:fills?|filled|filling)\\s+(?:out|in)\\b"),
            strong(RecordEvent.CREATED, "\\b(?:comes|come|came|coming)\\s+in\\b|\\b(?:arrives?|arrived|arriving)\\b"
                    + "|\\b(?:signs|signing)\\s*-?\\s*up\\b|\\b(?:registers|enrolls|joins|subscribes|applies|appears"
                    + "|donates|rsvps|buys)\\b|\\b(?:shows|pops)\\s+up\\b|\\bchecks\\s+out\\b"
                    + "|\\b(?:checked\\s+out|borrowed|borrows)\\b"),
            clauseOnly(RecordEvent.CREATED, "\\b(?:add|adds|create|creates|submit|submits|place|places|register"
                    + "|enroll|enter|enters|raise|raises|write|writes|buy|join|subscribe|apply|upload|receive"
                    + "|receives|rsvp|donate|sign\\s*-?\\s*up|come\\s+in)\\b"),
            clauseOnly(RecordEvent.CREATED, "\\b(?:someone|somebody|anyone|i|we|they|you|people|an?\\s+[a-z]+)\\s+"
                    + "(?:books?|orders?|posts?|files?|logs?|opens?|sends?|makes?\\s+an?|leaves?\\s+an?)\\b"
                    // "a work order is marked": a noun before its verb, not a verb
                    + "(?!\\s+(?:is|are|was|were|gets?|got|has|have|had)\\b)"),
            new Cue(RecordEvent.CREATED, Pattern.compile(
                    "\\b(?:new(?!\\s+(?:york|delhi|zealand|orleans|jersey|mexico|hampshire)\\b)|incoming|fresh)\\b"),
                    true, false),
            strong(RecordEvent.UPDATED, "\\b(?:updated|changed|changes|edited|modified|closed|closes|completed"
                    + "|completes|finished|finishes|resolved|solved|approved|rejected|declined|assigned|reassigned"
                    + "|escalated|reopened|shipped|delivered|fulfilled|refunded|renamed|rescheduled|marked|moved|moves"
                    + "|flips|flipped|switches|switched|flagged"
                    + "|won|paid|(?:checked|ticked)\\s+off|accepted|expired|lapsed|exceeded|sells\\s+out|sold\\s+out)\\b"),
            // "stream every stock item change into BigQuery": each change of one
            strong(RecordEvent.UPDATED, "\\b(?:every|each|any)\\s+(?:[a-z]+\\s+){1,3}?(?:change|update|edit)s?\\b"),
            strong(RecordEvent.UPDATED, "\\b(?:is|are|was|were|gets?|got|been|be|'s|as)\\s+(?:\\w+\\s+)?(?:done|lost)\\b"),
            clauseOnly(RecordEvent.UPDATED, "\\b(?:update|updates|change|edit|edits|modify|modifies|close|complete"
                    + "|finish|resolve|resolves|mark|marks|move|win|wins|lose|loses|approve|approves|reject|rejects"
                    + "|assign|assigns|escalate|escalates|reopen|reopens|ship|ships|deliver|delivers|pay|pays|rename"
                    + "|renames|reschedule|reschedules|flag|flags|flip|(?:check|checks|tick|ticks)\\s+off|goes\\s+to|go\\s+to"
                    + "|reaches|reach|becomes|become|turns|accepts?|expires?|lapses?|exceeds?|goes\\s+live"
                    + "|runs\\s+(?:low|out)|(?:falls|fell|drops|dropped|dips|dipped|goes|went|rises|rose)"
                    + "\\s+(?:below|under|above|over|beneath|past))\\b"),
            PARTICIPLE,
            strong(RecordEvent.DELETED, "\\b(?:deleted|removed|cancell?ed|cancels|archived|trashed|destroyed"
                    + "|discarded|purged)\\b"),
            clauseOnly(RecordEvent.DELETED, "\\b(?:delete|deletes|remove|removes|cancel|archive|archives|trash"
                    + "|trashes)\\b"));

    /** Where a trigger clause starts: "when", "whenever", "as soon as", "once", "as I", ... */
    private static final Pattern CLAUSE_OPENER = Pattern.compile("\\b(?:whenever|when|as\\s+soon\\s+as|upon|after|if"
            // "once a week" is a frequency, "once an order ships" a trigger
            + "|once(?!\\s+(?:(?:a|an)\\s+" + Periods.WORD + "|per|every|each|more|again|daily|weekly|monthly)\\b)"
            + "|as(?=\\s+(?:i|we|you|they|someone|somebody|anyone|people|users?|customers?|it)\\b))\\b");
    private static final Pattern CLAUSE_END = Pattern.compile("[.;!?,]|\\bthen\\b");
    /** "New enrollment -> add a row", "new sign-up: email me": a heading that names the event opens the request. */
    private static final Pattern HEADLINE = Pattern.compile(
            "^ (?:(?:each|every|any)\\s+)?new\\s+[a-z'-]+(?:\\s+[a-z'-]+){0,2}\\s*(?:-+>?|=>|:|\\u2192)");
    /** "We just moved the techs over to ClickUp": something people did, told outside any trigger clause. */
    private static final Pattern PEOPLE_DID = Pattern.compile("(?:^\\W*|[.!?;,]\\s*)(?:so\\s+|and\\s+)?(?:i|we|they)\\s+"
            + "(?:(?:just|also|recently|already|finally)\\s+)?$");
    /** "when I press the button": a manual trigger, whatever verbs follow. */
    private static final Pattern MANUAL = Pattern.compile("^\\W*\\w+(?:\\s+soon\\s+as)?\\s+(?:i|we|you|someone|a\\s+user"
            + "|the\\s+user)\\s+(?:press|presses|click|clicks|tap|taps|hit|hits|push|pushes|select|selects|choose"
            + "|run|runs|trigger|ask|say|type)\\b");

    /** Single words that, right after a noun (and an optional "is"), say the record was created, changed or removed. */
    static final Set<String> EVENT_WORDS = Set.of(
            "created", "added", "submitted", "placed", "received", "registered", "inserted", "enrolled", "made",
            "posted", "opened", "entered", "logged", "filed", "raised", "booked", "published", "uploaded", "comes",
            "came", "arrives", "arrived", "signs", "signed", "registers", "enrolls", "joins", "subscribes", "applies",
            "updated", "changed", "changes", "edited", "modified", "closed", "closes", "completed", "completes",
            "finished", "finishes", "resolved", "approved", "rejected", "declined", "assigned", "escalated",
            "reopened", "shipped", "delivered", "fulfilled", "moves", "moved", "marked", "won", "lost", "paid",
            "done", "deleted", "removed", "cancelled", "canceled", "cancels", "archived", "goes", "reaches", "hits",
            "refunded", "sold", "returned", "qualified", "launched", "accepted", "accepts", "expired", "expires",
            "lapsed", "lapses", "exceeds", "falls", "drops", "dips", "rises", "flips", "flipped", "switches",
            "switched", "flagged", "overdue");

    private EventParser() {
    }

    public static Optional<RecordEvent> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = Words.prepare(text);
        List<int[]> clauses = triggerClauses(s);
        List<Hit> hits = new ArrayList<>();
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(s);
            while (m.find()) {
                boolean inClause = clauses.stream().anyMatch(c -> m.start() >= c[0] && m.start() < c[1]);
                if (!inClause && (cue.clauseOnly() || PEOPLE_DID.matcher(s.substring(0, m.start())).find())) {
                    continue;
                }
                int rank = (inClause ? 0 : 2) + (cue.weak() ? 1 : 0);
                hits.add(new Hit(cue, rank, m.start()));
            }
        }
        Optional<Hit> first = hits.stream().min(Comparator.comparingInt(Hit::rank).thenComparingInt(Hit::position));
        if (first.isPresent() && first.get().cue() == PARTICIPLE) {
            // "when a tool is retired and removed": a word that names the change says more than any participle
            Hit participle = first.get();
            Optional<Hit> named = hits.stream().filter(h -> h.cue() != PARTICIPLE && !h.cue().weak()
                    && h.rank() == participle.rank() && sameClause(clauses, h.position(), participle.position()))
                    .min(Comparator.comparingInt(Hit::position));
            if (named.isPresent()) {
                return Optional.of(named.get().cue().event());
            }
        }
        if (first.isPresent() && first.get().cue() == PARTICIPLE
                && hits.stream().noneMatch(h -> h.cue() != PARTICIPLE && !h.cue().weak() && h.rank() <= first.get().rank())
                && hits.stream().anyMatch(h -> h.cue().weak() && sameClause(clauses, h.position(), first.get().position()))) {
            return Optional.of(RecordEvent.CREATED); // "when a new donation is recorded"
        }
        return first.map(h -> h.cue().event());
    }

    private static boolean sameClause(List<int[]> clauses, int a, int b) {
        return clauses.stream().anyMatch(c -> a >= c[0] && a < c[1] && b >= c[0] && b < c[1]);
    }

    /** Character spans [start, end) of the clauses that describe a trigger. */
    static List<int[]> triggerClauses(String s) {
        List<int[]> clauses = new ArrayList<>();
        Matcher headline = HEADLINE.matcher(s);
        if (headline.find()) {
            clauses.add(new int[] {0, headline.end()});
        }
        Matcher opener = CLAUSE_OPENER.matcher(s);
        while (opener.find()) {
            Matcher end = CLAUSE_END.matcher(s);
            int stop = end.find(opener.end()) ? end.start() : s.length();
            if (!MANUAL.matcher(s.substring(opener.start(), stop)).find()) {
                clauses.add(new int[] {opener.start(), stop});
            }
        }
        return clauses;
    }

    public static Optional<FieldFilter> filter(String text, List<EntityInfo.Field> fields) {
        if (text == null || text.isBlank() || fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        String s = Words.prepare(text);
        return FieldConditions.find(s, fields);
    }

    private static Cue strong(RecordEvent event, String regex) {
        return new Cue(event, Pattern.compile(regex), false, false);
    }

    private static Cue clauseOnly(RecordEvent event, String regex) {
        return new Cue(event, Pattern.compile(regex), false, true);
    }
}
