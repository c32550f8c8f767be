package io.switchboard.agent.offline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls the values a request states for an action's inputs: channel, recipient, repository, sheet, titles, tables. */
public final class InputExtractor {

    private static final String QUOTE = "['\"\u2018\u2019\u201C\u201D`]";
    private static final String QUOTED = QUOTE + "([^'\"\u2018\u2019\u201C\u201D`]{1,80})" + QUOTE;
    private static final String CALLED = "\\b(?:\\s+(?:called|named|titled))?(?:\\s*:\\s*|\\s+)";

    private static final Pattern HASH_CHANNEL = Pattern.compile("(?<![\\w&#])#([A-Za-z0-9][\\w.-]*[A-Za-z0-9_]|[A-Za-z])");
    private static final Pattern THE_X_CHANNEL = Pattern.compile(
            "(?i)\\b(?:the|our|my|to|in|into)\\s+([a-z0-9][\\w-]*)\\s+(?:slack\\s+|discord\\s+)?channel\\b");
    private static final Pattern CHANNEL_X = Pattern.compile(
            "(?i)\\bchannel(?:\\s+(?:called|named))?\\s+['\"]?([a-z0-9][\\w-]*)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern TO_ME = Pattern.compile("(?i)\\b(?:email|e-mail|mail|send|message|notify|remind|ping"
            + "|tell|text|dm|alert|let|forward|cc|bcc|give|update)\\s+(?:me|myself)\\b|\\b(?:to|for)\\s+(?:me|myself)\\b"
            + "|\\bmy\\s+(?:inbox|email\\s+address)\\b");
    /** Who a message goes to: "email members", "an email to the donor", "send them", "the student's guardian". */
    private static final Pattern ADDRESSEE = Pattern.compile("(?i)\\b(?:e-?mail|gmail|mail|send|message|remind|notify"
            + "|thank|forward|to)\\s+(?=(?:(?:the|each|every|all|our|their|that|this|any|new|[a-z]+['\u2019]s)\\s+){0,2}"
            + "([a-z]+)\\b)");
    private static final Set<String> PRONOUNS = Set.of("them", "him", "her", "they");
    private static final Set<String> ADDRESS_WORDS = Set.of("email", "mail", "address", "e");
    private static final Pattern OWNER_REPO = Pattern.compile(
            "(?<![\\w./@:-])([A-Za-z0-9][\\w.-]*)/([A-Za-z0-9][\\w.-]*[A-Za-z0-9_]|[A-Za-z0-9])(?![\\w/-])");
    private static final Pattern GITHUB_URL = Pattern.compile(
            "(?i)(?:github|gitlab)\\.com/([\\w.-]+)/([\\w.-]+?)(?:\\.git)?(?=[/\\s.,;!?)]|$)");
    private static final Pattern NAMED_REPO = Pattern.compile(
            "(?i)\\b(?:the|our|my)\\s+([a-z0-9][\\w.-]*)\\s+(?:repo|repository)\\b|\\b(?:repo|repository)" + CALLED
                    + "([a-z0-9][\\w.-]*[a-z0-9])");
    /** "owner pixelmoth, repo lanternfall": a label and its value, set off from the rest like the repo's. */
    private static final Pattern NAMED_OWNER = Pattern.compile("(?i)\\b(?:owner|org|organi[sz]ation)" + CALLED
            + "([a-z0-9][\\w.-]*[a-z0-9])(?=\\s*(?:[,;)]|and\\b|repo\\b))");
    private static final Pattern SHEET_URL = Pattern.compile("docs\\.google\\.com/spreadsheets/d/([\\w-]+)");
    private static final Pattern DOTTED_TABLE = Pattern.compile(
            "(?<![\\w.@/-])([A-Za-z_][\\w-]*)\\.([A-Za-z_][\\w-]*)(?:\\.([A-Za-z_]\\w*))?(?![\\w@/-]|\\.[A-Za-z])");
    private static final Pattern REPO_CONTEXT = Pattern.compile("(?i)\\b(?:repo|repository|github|gitlab|issue|issues)\\b");
    private static final Pattern TABLE_CONTEXT = Pattern.compile("(?i)\\b(?:bigquery|table|dataset|warehouse)\\b");

    /** A sheet range in A1 notation: "Deploys!A:F", "A2:D", "'Q3 orders'!B1:B50". */
    private static final Pattern A1_RANGE = Pattern.compile("((?:'[^']{1,60}'|[A-Za-z][\\w-]*)![A-Z]{1,3}\\d*(?::[A-Z]{1,3}\\d*)?"
            + "|\\b[A-Z]{1,3}\\d+:[A-Z]{1,3}\\d*\\b|\\b[A-Z]{1,2}:[A-Z]{1,2}\\b)");
    /** An emoji by its Slack name: ":eyes:", "the eyes emoji", "a white_check_mark reaction", "react with tada". */
    private static final Pattern EMOJI = Pattern.compile("(?i):([a-z0-9_+-]{2,40}):|\\b([a-z0-9_+-]{2,40})\\s+(?:emoji"
            + "|reaction|emoticon)\\b|\\breact(?:s|ion)?\\s+(?:with|using)\\s+(?:an?\\s+|the\\s+)?([a-z0-9_+-]{2,40})");
    /** What a status should say: "set my status to Teaching", "status: 'In a meeting'". */
    private static final Pattern STATUS_TEXT = Pattern.compile("(?i)\\bstatus\\s*(?:to|as|:|=|saying|reading|that says)"
            + "\\s*(?:" + QUOTED + "|(?-i:([A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*){0,3})))");
    private static final Pattern ANY_QUOTED = Pattern.compile("(?<!\\w)" + QUOTED);

    private static final Set<String> NOT_NAMES = Set.of("slack", "discord", "teams", "microsoft", "google", "a", "an",
            "the", "new", "owner", "owners", "maintainer", "maintainers", "private", "public", "default", "right",
            "correct", "appropriate", "relevant", "same",
            "usual", "own", "this", "that", "our", "my", "your", "their", "its", "of", "in", "on", "to", "for", "with",
            "and", "or", "github", "gitlab", "clickup", "wrike", "notion", "box", "drive", "bigquery", "sheets",
            "main", "shared", "whole", "entire", "one", "which", "is", "was", "every", "each", "some", "any",
            "to-do", "todo", "task", "tasks", "sheet", "spreadsheet", "list", "project", "folder", "called", "named");
    private static final Set<String> WORD_PAIRS = Set.of("and/or", "either/or", "he/she", "his/her", "him/her",
            "read/write", "on/off", "yes/no", "w/o", "input/output", "true/false", "s/he", "am/pm", "24/7");
    private static final Set<String> NOT_TABLES = Set.of("com", "org", "net", "io", "co", "dev", "app", "ai", "uk",
            "de", "fr", "edu", "gov", "csv", "pdf", "xlsx", "xls", "json", "txt", "doc", "docx", "png", "jpg",
            "jpeg", "md", "yaml", "yml", "sql", "zip", "html", "e", "g", "i", "m", "am", "pm");
    private static final Set<String> ZONE_REGIONS = Set.of("africa", "america", "antarctica", "asia", "atlantic",
            "australia", "europe", "indian", "pacific", "etc");

    private InputExtractor() {
    }

    public static Map<String, String> extract(String text, Set<String> inputNames) {
        Map<String, String> inputs = new TreeMap<>();
        if (text == null || text.isBlank() || inputNames == null || inputNames.isEmpty()) {
            return inputs;
        }
        for (String name : inputNames) {
            value(text, name, inputNames).ifPresent(v -> inputs.put(name, v));
        }
        return inputs;
    }

    private static Optional<String> value(String text, String name, Set<String> inputNames) {
        return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "channel", "channelname" -> channel(text);
            case "to", "recipient", "recipients", "email", "emailaddress", "sendto" -> recipient(text);
            case "owner" -> repository(text).map(r -> r[0]);
            case "repo", "reponame" -> repository(text).map(r -> r[0] == null || !inputNames.contains("owner")
                    ? join(r) : r[1]);
            case "repository" -> repository(text).map(InputExtractor::join);
            case "spreadsheetid", "spreadsheet", "spreadsheetname" -> spreadsheet(text, inputNames);
            case "sheet", "sheetname", "tab", "tabname", "worksheet" -> sheet(text, inputNames);
            case "subject" -> after(text, "subject(?:\\s+line)?");
            case "title" -> title(text);
            case "list", "listname" -> container(text, "list");
            case "project", "projectname" -> container(text, "project");
            case "folder", "foldername" -> container(text, "folder");
            case "table", "tableid", "tablename" -> table(text).map(t -> t[1] != null && !inputNames.contains("dataset")
                    && !inputNames.contains("datasetId") ? t[1] + "." + t[2] : t[2]);
            case "dataset", "datasetid" -> table(text).map(t -> t[1]);
            case "range" -> match(text, A1_RANGE);
            case "name" -> inputNames.contains("timestamp") ? emoji(text) : Optional.empty();
            case "statusemoji" -> emoji(text).map(e -> ":" + e + ":");
            case "statustext" -> statusText(text);
            case "query", "q" -> quoted(text);
            default -> Optional.empty();
        };
    }

    /**
     * Inputs that take one of a few values, chosen by the request naming one: "a company-only link" is access
     * "company", "share it as a commenter" is role "commenter". A value used as a verb ("open the file") is no choice.
     */
    public static Map<String, String> choices(String text, com.fasterxml.jackson.databind.JsonNode inputSchema) {
        Map<String, String> out = new TreeMap<>();
        String lower = text.toLowerCase(Locale.ROOT);
        inputSchema.path("properties").fields().forEachRemaining(input -> {
            int earliest = Integer.MAX_VALUE;
            for (com.fasterxml.jackson.databind.JsonNode option : input.getValue().path("enum")) {
                String words = option.asText().toLowerCase(Locale.ROOT).replace('_', ' ');
                Matcher m = Words.pattern("(?<![\\w-])" + Pattern.quote(words)
                        + "(?![\\w])(?!\\s+(?:a|an|the|my|our|it|this|that|up)\\b)").matcher(lower);
                if (m.find() && m.start() < earliest) {
                    earliest = m.start();
                    out.put(input.getKey(), option.asText());
                }
            }
        });
        return out;
    }

    private static Optional<String> match(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> emoji(String text) {
        Matcher m = EMOJI.matcher(text);
        while (m.find()) {
            String name = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))
                    .toLowerCase(Locale.ROOT);
            if (!NOT_NAMES.contains(name) && !Words.CLOSED_CLASS.contains(name)
                    && !Set.of("slack", "an", "emoji", "reaction").contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> statusText(String text) {
        Matcher m = STATUS_TEXT.matcher(text);
        while (m.find()) {
            String value = (m.group(1) != null ? m.group(1) : m.group(2)).trim();
            if (!Words.CLOSED_CLASS.contains(value.toLowerCase(Locale.ROOT))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> quoted(String text) {
        return match(text, ANY_QUOTED).map(String::trim);
    }

    private static Optional<String> channel(String text) {
        Matcher hash = HASH_CHANNEL.matcher(text);
        if (hash.find()) {
            return Optional.of(hash.group(1).toLowerCase(Locale.ROOT));
        }
        for (Pattern pattern : List.of(THE_X_CHANNEL, CHANNEL_X)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (!NOT_NAMES.contains(name) && !Words.CLOSED_CLASS.contains(name)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> recipient(String text) {
        Set<String> addresses = new LinkedHashSet<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            addresses.add(m.group().replaceAll("[.]+$", ""));
        }
        if (!addresses.isEmpty()) {
            return Optional.of(String.join(",", addresses));
        }
        return TO_ME.matcher(text).find() ? Optional.of("{user.email}") : Optional.empty();
    }

    /**
     * The address of a person the record holds, when a message about it goes to them: "email the donor" with a
     * donor_email field, "send them a welcome email" or "email the client" with the record's own email field.
     */
    public static Optional<String> recordRecipient(String text, EntityInfo entity) {
        List<EntityInfo.Field> addresses = entity.fields().stream().filter(f -> "email".equals(f.type())).toList();
        List<String> entityWords = Words.identifierWords(entity.name());
        Matcher m = ADDRESSEE.matcher(text);
        while (m.find()) {
            String who = Words.singular(m.group(1).toLowerCase(Locale.ROOT));
            Optional<EntityInfo.Field> named = addresses.stream().filter(f -> personWords(f).contains(who)).findFirst();
            if (named.isEmpty() && (PRONOUNS.contains(who) || entityWords.contains(who))) {
                named = addresses.stream().filter(f -> personWords(f).isEmpty()).findFirst()
                        .or(() -> addresses.size() == 1 ? Optional.of(addresses.get(0)) : Optional.empty());
            }
            if (named.isPresent()) {
                return Optional.of("{record." + named.get().name() + "}");
            }
        }
        return Optional.empty();
    }

    /** "donor" of donor_email; nothing for a plain email field. */
    private static List<String> personWords(EntityInfo.Field field) {
        return Words.identifierWords(field.name()).stream().filter(w -> !ADDRESS_WORDS.contains(w)).toList();
    }

    /** Owner (may be null) and repository name. */
    private static Optional<String[]> repository(String text) {
        Matcher url = GITHUB_URL.matcher(text);
        if (url.find()) {
            return Optional.of(new String[] {url.group(1), url.group(2)});
        }
        boolean repoContext = REPO_CONTEXT.matcher(text).find();
        Matcher m = OWNER_REPO.matcher(text);
        while (m.find()) {
            String owner = m.group(1);
            String repo = m.group(2).replaceAll("[.]+$", "");
            boolean plainWords = (owner + repo).matches("[A-Za-z]+");
            if (WORD_PAIRS.contains((owner + "/" + repo).toLowerCase(Locale.ROOT))
                    || ZONE_REGIONS.contains(owner.toLowerCase(Locale.ROOT)) || owner.matches("\\d+")
                    || repo.matches("\\d+") || (plainWords && !repoContext)) {
                continue;
            }
            return Optional.of(new String[] {owner, repo});
        }
        Matcher named = NAMED_REPO.matcher(text);
        while (named.find()) {
            String repo = named.group(1) != null ? named.group(1) : named.group(2);
            if (!NOT_NAMES.contains(repo.toLowerCase(Locale.ROOT))) {
                return Optional.of(new String[] {namedOwner(text, named.start(), named.end()), repo});
            }
        }
        return Optional.empty();
    }

    /** "(owner pixelmoth, repo lanternfall)": the owner named on its own right by the repository, if it is. */
    private static String namedOwner(String text, int repoStart, int repoEnd) {
        Matcher owner = NAMED_OWNER.matcher(text)
                .region(Math.max(0, repoStart - 30), Math.min(text.length(), repoEnd + 30));
        while (owner.find()) {
            String name = owner.group(1).toLowerCase(Locale.ROOT);
            if (!Words.CLOSED_CLASS.contains(name) && !NOT_NAMES.contains(name)) {
                return owner.group(1);
            }
        }
        return null;
    }

    private static String join(String[] ownerAndRepo) {
        return ownerAndRepo[0] == null ? ownerAndRepo[1] : ownerAndRepo[0] + "/" + ownerAndRepo[1];
    }

    private static Optional<String> spreadsheet(String text, Set<String> inputNames) {
        Matcher url = SHEET_URL.matcher(text);
        if (url.find()) {
            return Optional.of(url.group(1));
        }
        Optional<String> named = container(text, "spreadsheet|workbook");
        if (named.isPresent() || inputNames.stream().anyMatch(InputExtractor::isSheetInput)) {
            return named;
        }
        return container(text, "sheet|tab|worksheet");
    }

    private static Optional<String> sheet(String text, Set<String> inputNames) {
        Optional<String> named = container(text, "sheet|tab|worksheet");
        if (named.isPresent() || inputNames.stream().anyMatch(InputExtractor::isSpreadsheetInput)) {
            return named;
        }
        return container(text, "spreadsheet|workbook");
    }

    private static boolean isSheetInput(String name) {
        return Set.of("sheet", "sheetname", "tab", "tabname", "worksheet")
                .contains(name.toLowerCase(Locale.ROOT).replace("_", ""));
    }

    private static boolean isSpreadsheetInput(String name) {
        return Set.of("spreadsheetid", "spreadsheet", "spreadsheetname")
                .contains(name.toLowerCase(Locale.ROOT).replace("_", ""));
    }

    /**
     * The name of a list, project, folder or sheet: quoted ("the 'Leads' sheet", "a folder called 'Backups'") or
     * capitalised ("the Marketing project", "a sheet called Orders").
     */
    private static Optional<String> container(String text, String nouns) {
        String noun = "(?i:(?:google\\s+)?(?:" + nouns + "))";
        List<Pattern> patterns = List.of(
                Words.pattern(QUOTED + "\\s+" + noun + "\\b"),
                Words.pattern("\\b" + noun + CALLED + QUOTED),
                Words.pattern("\\b" + noun + "\\s+(?i:called|named|titled)\\s+"
                        + "([A-Za-z0-9][\\w-]*(?:\\s+[A-Z][\\w-]*)*)"),
                Words.pattern("\\b(?i:the|our|my|in|to|into)\\s+([A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*){0,2})\\s+" + noun
                        + "\\b"));
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String name = m.group(1).trim();
                String first = name.split("\\s+")[0].toLowerCase(Locale.ROOT);
                if (!NOT_NAMES.contains(first) && !NOT_NAMES.contains(name.toLowerCase(Locale.ROOT))
                        && !Nouns.BRANDS.contains(first)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> after(String text, String keyword) {
        Matcher m = Words.pattern("(?i)\\b" + keyword + "\\s*(?:of|:|=|as|to|saying|reading|like|is)?\\s*" + QUOTED)
                .matcher(text);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    /** A quoted title: 'titled "Weekly report"', 'a page called "Standup"', but not a sheet or list name. */
    private static Optional<String> title(String text) {
        Optional<String> titled = after(text, "(?:title|titled|heading|headline)");
        if (titled.isPresent()) {
            return titled;
        }
        Matcher m = Words.pattern("(?i)\\b(\\w+)\\s+(?:called|named)\\s*:?\\s*" + QUOTED).matcher(text);
        while (m.find()) {
            String noun = m.group(1).toLowerCase(Locale.ROOT);
            if (!Set.of("sheet", "tab", "spreadsheet", "worksheet", "list", "project", "folder", "channel", "repo",
                    "repository", "table", "dataset", "button", "board", "space", "workspace").contains(noun)) {
                return Optional.of(m.group(2).trim());
            }
        }
        return Optional.empty();
    }

    /** BigQuery project (may be null), dataset (may be null) and table. */
    private static Optional<String[]> table(String text) {
        boolean tableContext = TABLE_CONTEXT.matcher(text).find();
        Matcher m = DOTTED_TABLE.matcher(text);
        while (m.find()) {
            String a = m.group(1);
            String b = m.group(2);
            String c = m.group(3);
            String lastPart = (c != null ? c : b).toLowerCase(Locale.ROOT);
            if (NOT_TABLES.contains(lastPart) || NOT_TABLES.contains(a.toLowerCase(Locale.ROOT))
                    || !(tableContext || (a + b).contains("_"))) {
                continue;
            }
            return Optional.of(c != null ? new String[] {a, b, c} : new String[] {null, a, b});
        }
        Matcher named = Words.pattern("(?i)\\b(?:the|our|my|into|to)\\s+(?:(?:google\\s+)?bigquery\\s+)?[`'\"]?"
                + "([a-z_][\\w-]*)[`'\"]?\\s+table\\b|\\btable"
                + CALLED + "[`'\"]?([a-z_][\\w-]*)").matcher(text);
        while (named.find()) {
            String table = named.group(1) != null ? named.group(1) : named.group(2);
            String lower = table.toLowerCase(Locale.ROOT);
            if (!NOT_NAMES.contains(lower) && !Nouns.BRANDS.contains(lower)) {
                return Optional.of(new String[] {null, null, table});
            }
        }
        return Optional.empty();
    }
}
