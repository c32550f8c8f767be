package io.switchboard.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the dot paths that catalog files use to point into provider replies ({@code authed_user.access_token}, {@code items.0.id}). */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The scalar at {@code dotPath} as text; null when the path is missing, null or not a scalar. */
    public static String valueAt(JsonNode root, String dotPath) {
        if (root == null || dotPath == null) {
            return null;
        }
        JsonNode node = root;
        for (String segment : dotPath.split("\\.")) {
            node = node.isArray() && segment.matches("\\d+") ? node.path(Integer.parseInt(segment)) : node.path(segment);
        }
        return node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
