package io.switchboard.agent.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.quarkus.vertx.http.HttpServerStart;
import io.switchboard.catalog.Action;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;

/**
 * Every catalog action as sentence embeddings (its description and each way people phrase it), so a request can be
 * matched by meaning. Built in the background once the service is up; the first request waits for it if it comes early.
 */
@ApplicationScoped
public class ActionIndex {
    @Inject
    Catalog catalog;
    /** Loaded in the background: the ONNX runtime and the model take a few seconds to come up. */
    private volatile CompletableFuture<EmbeddingModel> model;
    private volatile CompletableFuture<Map<String, List<float[]>>> vectors;
    /** Texts seen lately: the same request, chip or entity name costs one model run, not one each time. */
    private final Map<String, float[]> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > RECENT_TEXTS;
                }
            });
    static final int RECENT_TEXTS = 4096;

    /** How much the action's own name counts beside meaning: enough to separate siblings like issue vs comment. */
    static final double NAME_WEIGHT = 0.2;
    /** Extra weight when the request says the action's whole name ("create a ClickUp task" is Create task). */
    static final double WHOLE_NAME = 0.05;
    /** Read-only actions (list, report) lose this much unless the request asks to read, fetch or report. */
    static final double READ_PENALTY = 0.08;

    public record Match(Action action, double score) {
    }

    /**
     * Loading takes both cores of a small machine for a few seconds, so it starts once the service is up rather than
     * during its start; a request that needs the model sooner starts the loading itself and waits for it.
     */
    void build(@ObservesAsync HttpServerStart started) {
        load();
    }

    private CompletableFuture<EmbeddingModel> model() {
        load();
        return model;
    }

    private CompletableFuture<Map<String, List<float[]>>> vectors() {
        load();
        return vectors;
    }

    private void load() {
        if (vectors == null) {
            synchronized (this) {
                if (vectors == null) {
                    model = CompletableFuture.supplyAsync(MiniLmModel::new);
                    vectors = model.thenApplyAsync(this::embedCatalog);
                }
            }
        }
    }

    private Map<String, List<float[]>> embedCatalog(EmbeddingModel embeddings) {
        List<String> owners = new ArrayList<>();
        List<TextSegment> texts = new ArrayList<>();
        for (Connector connector : catalog.all()) {
            for (Action action : connector.actions()) {
                texts.add(TextSegment.from(action.name() + " in " + connector.name() + ". " + action.description()));
                owners.add(action.id());
                for (String phrase : action.phrases()) {
                    texts.add(TextSegment.from(phrase));
                    owners.add(action.id());
                }
            }
        }
        List<Embedding> all = embeddings.embedAll(texts).content();
        trimNativeHeap();
        Map<String, List<float[]>> byAction = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byAction.computeIfAbsent(owners.get(i), k -> new ArrayList<>()).add(unit(all.get(i).vector()));
        }
        return byAction;
    }

    /**
     * Loading the model leaves tens of megabytes of freed native memory in the C allocator, which keeps it unless
     * asked; hand it back to the system once the index is built.
     */
    private static void trimNativeHeap() {
        try {
            java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (javax.management.JMException | RuntimeException e) {
            // not every JVM has the command; the memory then stays with the allocator
        }
    }

    /** The text's embedding scaled to length 1, so cosine similarity is a dot product. */
    public float[] embed(String text) {
        float[] known = recent.get(text);
        if (known == null) {
            known = unit(model().join().embed(text).content().vector());
            recent.put(text, known);
        }
        return known;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / (Math.sqrt(norm) + 1e-12));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    /** All actions, best first, scored by the closest of their texts to {@code text}. */
    public List<Match> rank(String text) {
        return rank(text, embed(text));
    }

    /** Share of the action name's words ("Create issue") that the request uses, as a person would read it. */
    static double nameOverlap(Action action, Set<String> requestStems) {
        Set<String> name = NAME_STEMS.computeIfAbsent(action.name(), n -> stems(n, false));
        if (name.isEmpty()) {
            return 0;
        }
        return (double) name.stream().filter(requestStems::contains).count() / name.size();
    }

    /** As {@link #rank(String)}, for a request that rules some verbs out ("draft it, don't send it"). */
    public List<Match> rank(String text, Set<String> ruledOut) {
        return rank(text, embed(text), ruledOut);
    }

    public List<Match> rank(String text, float[] query) {
        return rank(text, query, Set.of());
    }

    private List<Match> rank(String text, float[] query, Set<String> ruledOut) {
        Map<String, List<float[]>> index = vectors().join();
        Set<String> refused = new java.util.HashSet<>();
        ruledOut.forEach(verb -> refused.addAll(stems(verb, true)));
        Set<String> words = stems(text, true);
        words.removeAll(refused);
        if (text.strip().replaceAll("^[^A-Za-z]+", "").toLowerCase(java.util.Locale.ROOT).startsWith("open ")
                || OPEN_ONE.matcher(text).find()) {
            words.add("create"); // "open an issue" as a command makes one; "the open issues" does not
        }
        if (INTO_NEW.matcher(text).find() || WANTS_ONE.matcher(text).find()) {
            words.add("create"); // "turn each piece of feedback into an issue"
        }
        if (AT_THE_END.matcher(text).find()) {
            words.add("append"); // "add the visit summary to the end of our Google Doc"
        }
        Set<String> destination = destination(text);
        Set<String> literal = stems(text, false);
        boolean readAsked = readAsked(text, refused);
        List<Match> matches = new ArrayList<>();
        for (var entry : index.entrySet()) {
            double best = -1;
            for (float[] v : entry.getValue()) {
                best = Math.max(best, dot(query, v));
            }
            Action action = catalog.action(entry.getKey()).orElseThrow();
            boolean unaskedRead = "read".equals(action.kind()) && !readAsked;
            double penalty = unaskedRead ? READ_PENALTY : 0;
            // "don't send it" rules out Send email whole, not just its verb's half of the name
            penalty += nameOverlap(action, refused) > 0 ? NAME_WEIGHT : 0;
            // a read action shares its noun with its siblings ("List tasks", "Create task"); unasked, the noun
            // names where to write ("in the #ops channel"), not what to read
            double overlap = unaskedRead ? 0 : nameOverlap(action, words);
            if (makes(action, destination)) {
                penalty += NAME_WEIGHT; // "add them to our enrolment sheet": the sheet is there already
            }
            boolean wholeName = overlap == 1 && nameOverlap(action, literal) == 1;
            matches.add(new Match(action, best + NAME_WEIGHT * overlap + (wholeName ? WHOLE_NAME : 0) - penalty));
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.action().id()));
        return matches;
    }

    /** The words of the place the request writes to, when it names one it has: "to our enrolment sheet". */
    static Set<String> destination(String text) {
        java.util.regex.Matcher m = EXISTING_PLACE.matcher(text);
        return m.find() ? stems(m.group(1), false) : Set.of();
    }

    /**
     * An action that creates the kind of thing named as the existing destination: "Create spreadsheet" for "our
     * sheet", not "Add database item", whose last word says what it makes.
     */
    private static boolean makes(Action action, Set<String> destination) {
        if (destination.isEmpty() || !NAME_STEMS.computeIfAbsent(action.name(), n -> stems(n, false)).contains("create")) {
            return false;
        }
        String[] words = action.name().split("\\s+");
        String made = stems(words[words.length - 1], false).stream().findFirst().orElse("");
        return destination.stream().map(d -> SHORT_FOR.getOrDefault(d, d)).anyMatch(d -> d.length() >= 4
                && made.length() >= 4 && (made.endsWith(d) || d.endsWith(made)));
    }

    /** "our log doc" is a document. */
    private static final java.util.Map<String, String> SHORT_FOR = java.util.Map.of("doc", "document");
    private static final java.util.regex.Pattern EXISTING_PLACE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:to|into|onto)\\s+(?:the\\s+(?:end|bottom|top)\\s+of\\s+)?(?:the|our|my|your|their|that|this)\\s+"
                    + "((?:[\\w-]+\\s+){0,3}[\\w-]+)");
    /** "our dev wants a GitHub issue": asking for a thing to exist is asking to make it. */
    private static final java.util.regex.Pattern WANTS_ONE = java.util.regex.Pattern
            .compile("(?i)\\b(?:want|wants|need|needs|would like|'d like)\\s+(?:a|an)\\s");
    /** "turn X into an issue", "convert each email into a task": making something new out of each. */
    private static final java.util.regex.Pattern AT_THE_END = java.util.regex.Pattern
            .compile("(?i)\\b(?:to|onto|on|at)\\s+the\\s+(?:end|bottom)\\s+of\\b");
    private static final java.util.regex.Pattern INTO_NEW = java.util.regex.Pattern
            .compile("(?i)\\b(?:turn|turns|convert|converts|transform|transforms)\\b[^.]{0,80}?\\binto\\s+(?:a|an|new)\\s");
    /** "open an issue there", "then open a new ticket": open as a verb, with what it makes after it. */
    private static final java.util.regex.Pattern OPEN_ONE = java.util.regex.Pattern
            .compile("(?i)\\bopen\\s+(?:a|an|new)\\s");
    private static final java.util.regex.Pattern SUFFIX = java.util.regex.Pattern.compile("(ing|ed|es|s)$");
    private static final java.util.regex.Pattern ION = java.util.regex.Pattern.compile("(?<=[a-z]{4})ion$");
    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^a-z]+");
    private static final Map<String, Set<String>> NAME_STEMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Verbs people use for making something new, read as the "create" in action names. */
    private static final Set<String> CREATE_VERBS = Set.of("make", "add", "file", "raise", "log", "generate",
            "build", "start", "creat");
    /** Verbs that put something at the end of what exists: "add it to the sheet", "log each one in the doc". */
    private static final Set<String> APPEND_VERBS = Set.of("add", "log", "record", "insert", "put", "stream", "tack",
            "append", "push", "load", "write");

    /** Verbs that mean "send" when used on their own ("email me", "message the team"). */
    private static final Set<String> OVERWRITE_VERBS = Set.of("overwrite", "overwrit", "replace", "replac");
    /** Verbs that bring existing things back: "fetch my videos", "retrieve the open tasks". */
    private static final Set<String> FETCH_VERBS = Set.of("fetch", "retrieve", "retriev", "grab");
    private static final Set<String> SEND_VERBS = Set.of("email", "mail", "message", "notify", "text", "dm", "ping",
            "tell", "announce");
    /**
     * A read verb in the text, or "a list of" what to read; not a noun after an article: "list my tasks", "grab the
     * list of our videos", but not "the task for that listing".
     */
    static boolean readAsked(String text, Set<String> refused) {
        List<Words.Token> tokens = Words.tokens(text);
        boolean sending = false;
        for (int i = 0; i < tokens.size(); i++) {
            sending |= Words.isRequestVerb(tokens.get(i).text());
            Set<String> stem = stems(tokens.get(i).text(), true);
            if (java.util.Collections.disjoint(stem, READ_VERBS) || !java.util.Collections.disjoint(stem, refused)) {
                continue;
            }
            String previous = i > 0 && !tokens.get(i - 1).breakAfter() ? tokens.get(i - 1).text() : "";
            // "a button that fetches my videos": "that" opens a clause whose verb this is, unlike "that list"
            boolean relativeVerb = Set.of("that", "which", "who").contains(previous)
                    && tokens.get(i).text().endsWith("s");
            boolean afterArticle = Words.DETERMINERS.contains(previous) && !relativeVerb;
            // "send the day's visit list": after a noun, once something is being sent, the word is a noun too
            if (sending && !previous.isEmpty() && !Words.CLOSED_CLASS.contains(previous)
                    && !Words.isRequestVerb(previous)) {
                continue;
            }
            boolean listOf = i + 1 < tokens.size() && !tokens.get(i).breakAfter()
                    && tokens.get(i + 1).text().equals("of");
            // "send me the list of unpaid invoices" sends a list; "grab the list of our videos" reads one
            if (!afterArticle || listOf && !sending) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> READ_VERBS = Set.of("list", "get", "fetch", "pull", "find", "search", "read",
            "check", "look", "report", "query", "show", "count", "analy", "see", "retrieve", "download", "refresh");

    /** Word stems, "make" read as "create"; with {@code implied}, also what a verb implies ("email" sends). */
    static Set<String> stems(String text, boolean implied) {
        Set<String> out = new java.util.HashSet<>();
        for (String word : NOT_LETTERS.split(text.toLowerCase(java.util.Locale.ROOT))) {
            if (word.length() >= 3) {
                String stem = ION.matcher(SUFFIX.matcher(word).replaceAll("")).replaceAll("");
                out.add(CREATE_VERBS.contains(stem) ? "create" : stem);
                if (!implied) {
                    continue;
                }
                if (SEND_VERBS.contains(stem)) {
                    out.add("send");
                }
                if (stem.equals("line")) {
                    out.add("row"); // "a new line in the sheet", "add a line to the doc"
                    out.add("text");
                }
                if (OVERWRITE_VERBS.contains(stem)) {
                    out.add("update"); // "overwrite its status cells" updates them
                }
                if (FETCH_VERBS.contains(stem)) {
                    out.add("list"); // "fetch my recent videos" lists them
                }
                if (APPEND_VERBS.contains(stem)) {
                    out.add("append");
                    out.add("insert");
                }
            }
        }
        return out;
    }

    /** Cosine similarity of two embeddings from {@link #embed}. */
    public static double dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
