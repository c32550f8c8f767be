package io.switchboard.actions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Fills the {input} placeholders of a catalog request: in the path, query, headers and body. */
final class RequestTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestTemplates() {
    }

    /** Placeholders replaced by text; a missing value becomes empty. */
    static String text(String template, Map<String, Object> values) {
        return replace(template, values, RequestTemplates::asText);
    }

    /** Placeholders replaced by path-segment-encoded text. */
    static String path(String template, Map<String, Object> values) {
        return replace(template, values, v -> encodeSegment(asText(v)));
    }

    /**
     * A copy of the body template with its placeholders filled. A string that is exactly "{x}" takes x's value with
     * its JSON type, and disappears (from its object or array) when x has no value.
     */
    static JsonNode body(JsonNode template, Map<String, Object> values) {
        if (template == null || template.isNull() || template.isMissingNode()) {
            return null;
        }
        return fill(template.deepCopy(), values);
    }

    private static JsonNode fill(JsonNode node, Map<String, Object> values) {
        if (node.isTextual()) {
            Matcher whole = PLACEHOLDER.matcher(node.asText());
            if (whole.matches()) {
                Object value = values.get(whole.group(1));
                return value == null ? null : MAPPER.valueToTree(value);
            }
            return MAPPER.getNodeFactory().textNode(text(node.asText(), values));
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode filled = fill(field.getValue(), values);
                if (filled == null) {
                    fields.remove();
                } else {
                    field.setValue(filled);
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = MAPPER.createArrayNode();
            for (JsonNode item : array) {
                JsonNode filled = fill(item, values);
                if (filled != null) {
                    out.add(filled);
                }
            }
            return out;
        }
        return node;
    }

    /** A dot path such as {@code entries.0.id} into a JSON reply; numeric segments index arrays. */
    static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** RFC 3986 pchar: keeps unreserved characters, sub-delims, ':' and '@' (so Sheet1!A:E stays readable). */
    static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String asText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map || value instanceof Iterable) {
            return MAPPER.valueToTree(value).toString();
        }
        return String.valueOf(value);
    }

    private static String replace(String template, Map<String, Object> values, Function<Object, String> format) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(format.apply(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
