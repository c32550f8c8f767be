package io.switchboard.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The planner tools' descriptions from {@code prompts/tools.md}: one section per tool, one line per parameter. */
public final class ToolDescriptions {
    public record Tool(String description, Map<String, String> parameters) {
    }

    private final Map<String, Tool> tools;

    private ToolDescriptions(Map<String, Tool> tools) {
        this.tools = tools;
    }

    public static ToolDescriptions load() {
        try (InputStream in = ToolDescriptions.class.getResourceAsStream("/prompts/tools.md")) {
            if (in == null) {
                throw new IllegalStateException("prompts/tools.md is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ToolDescriptions parse(String markdown) {
        Map<String, Tool> tools = new LinkedHashMap<>();
        String name = null;
        StringBuilder description = new StringBuilder();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String line : (markdown + "\n## ").lines().toList()) {
            if (line.startsWith("## ")) {
                if (name != null) {
                    tools.put(name, new Tool(description.toString().strip(), Map.copyOf(parameters)));
                }
                name = line.substring(3).strip();
                description.setLength(0);
                parameters = new LinkedHashMap<>();
            } else if (name != null && line.startsWith("- ") && line.contains(":")) {
                int colon = line.indexOf(':');
                parameters.put(line.substring(2, colon).strip(), line.substring(colon + 1).strip());
            } else if (name != null) {
                description.append(line).append(' ');
            }
        }
        return new ToolDescriptions(tools);
    }

    /** The description of {@code tool}, failing start-up when it or one of {@code parameters} is not described. */
    public Tool require(String tool, String... parameters) {
        Tool described = tools.get(tool);
        if (described == null || described.description().isBlank()) {
            throw new IllegalStateException("prompts/tools.md has no section for tool '" + tool + "'");
        }
        for (String parameter : parameters) {
            if (!described.parameters().containsKey(parameter)) {
                throw new IllegalStateException(
                        "prompts/tools.md does not describe parameter '" + parameter + "' of tool '" + tool + "'");
            }
        }
        return described;
    }
}
