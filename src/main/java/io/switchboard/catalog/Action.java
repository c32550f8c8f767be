package io.switchboard.catalog;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Something a connector can do, the least scopes it needs and the HTTP request it makes. */
public record Action(String id, String name, String description, String kind, List<String> scopes,
        List<String> phrases, JsonNode inputs, Request request) {

    public String connectorId() {
        return id.substring(0, id.indexOf('.'));
    }

    public List<String> inputNames() {
        return inputs.path("properties").isObject() ? iterate(inputs.path("properties").fieldNames()) : List.of();
    }

    public List<String> requiredInputs() {
        return inputs.path("required").isArray()
                ? java.util.stream.StreamSupport.stream(inputs.path("required").spliterator(), false)
                        .map(JsonNode::asText).toList()
                : List.of();
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    /** The provider call, relative to the connector's API base URL unless the path is absolute. */
    public record Request(String method, String path, String baseUrlFrom, java.util.Map<String, String> query,
            java.util.Map<String, String> headers, String encoding, JsonNode body, String resultId, String resultLink) {
    }
}
