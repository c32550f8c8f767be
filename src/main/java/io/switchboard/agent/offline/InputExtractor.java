package io.switchboard.agent.offline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values a request states for an action's inputs: a #channel, an owner/repo, a recipient, a quoted name. */
public final class InputExtractor {
    private static final Pattern CHANNEL = Pattern.compile("#([a-z0-9][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_CHANNEL = Pattern.compile(
            "\\b(?:the\\s+)?([a-z0-9][a-z0-9_-]*)\\s+channel\\b|\\bchannel\\s+(?:called\\s+|named\\s+)?([a-z0-9][a-z0-9_-]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPO = Pattern.compile("\\b([A-Za-z0-9][A-Za-z0-9_.-]*)/([A-Za-z0-9][A-Za-z0-9_.-]*)\\b");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ME = Pattern.compile("\\b(me|myself|my inbox|to me)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("[\"“']([^\"”']{1,80})[\"”']");
    private static final Set<String> NOT_CHANNEL_NAMES = Set.of("a", "the", "our", "my", "that", "this", "slack",
            "discord", "team", "same", "right", "each", "every");

    private InputExtractor() {
    }

    public static Map<String, String> extract(String text, Set<String> inputNames) {
        Map<String, String> out = new LinkedHashMap<>();
        if (inputNames.contains("channel")) {
            channel(text).ifPresent(c -> out.put("channel", c));
        }
        Matcher repo = REPO.matcher(text);
        while (repo.find()) {
            if (repo.group(1).matches("\\d+") || text.substring(Math.max(0, repo.start() - 8), repo.start()).contains("http")) {
                continue;
            }
            if (inputNames.contains("owner") && inputNames.contains("repo")) {
                out.put("owner", repo.group(1));
                out.put("repo", repo.group(2));
            } else if (inputNames.contains("repository")) {
                out.put("repository", repo.group());
            }
            break;
        }
        for (String recipient : new String[] {"to", "recipient", "email"}) {
            if (inputNames.contains(recipient)) {
                Matcher email = EMAIL.matcher(text);
                if (email.find()) {
                    out.put(recipient, email.group());
                } else if (ME.matcher(text).find()) {
                    out.put(recipient, "{user.email}");
                }
                break;
            }
        }
        Matcher quoted = QUOTED.matcher(text);
        if (quoted.find()) {
            for (String name : new String[] {"title", "name", "subject", "sheetName", "list", "folder", "project"}) {
                if (inputNames.contains(name)) {
                    out.put(name, quoted.group(1).strip());
                    break;
                }
            }
        }
        return out;
    }

    private static java.util.Optional<String> channel(String text) {
        Matcher hash = CHANNEL.matcher(text);
        if (hash.find()) {
            return java.util.Optional.of(hash.group(1).toLowerCase());
        }
        Matcher named = NAMED_CHANNEL.matcher(text);
        while (named.find()) {
            String name = named.group(1) != null ? named.group(1) : named.group(2);
            if (name != null && !NOT_CHANNEL_NAMES.contains(name.toLowerCase())) {
                return java.util.Optional.of(name.toLowerCase());
            }
        }
        return java.util.Optional.empty();
    }
}
