package io.switchboard.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Parses catalog files strictly: the JSON Schema first, then the checks a schema cannot express. Every problem is
 * collected, each naming the file and the path inside it.
 */
public final class CatalogLoader {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    /** Filled in by an encoder rather than from the action's inputs. */
    private static final Set<String> ENCODER_PLACEHOLDERS = Set.of("raw");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final JsonSchema schema;

    public CatalogLoader() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream("/catalog-schema.json")) {
            schema = schemas.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Result(List<Connector> connectors, List<String> errors) {
    }

    /** @param files file name (such as {@code gmail.yaml}) to its text */
    public Result load(Map<String, String> files) {
        List<Connector> connectors = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> actionIds = new HashSet<>();
        files.keySet().stream().sorted().forEach(file -> {
            List<String> fileErrors = new ArrayList<>();
            Connector connector = parse(file, files.get(file), fileErrors);
            if (connector != null) {
                check(file, connector, actionIds, fileErrors);
            }
            if (fileErrors.isEmpty()) {
                connectors.add(connector);
            }
            errors.addAll(fileErrors);
        });
        return new Result(List.copyOf(connectors), List.copyOf(errors));
    }

    private Connector parse(String file, String text, List<String> errors) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (IOException e) {
            errors.add(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (tree == null || !tree.isObject()) {
            errors.add(file + ": expected a YAML mapping at the top level");
            return null;
        }
        for (ValidationMessage message : schema.validate(tree)) {
            errors.add(file + ": " + message.getMessage());
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return yaml.treeToValue(tree, Connector.class);
        } catch (IOException e) {
            errors.add(file + ": " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private void check(String file, Connector c, Set<String> actionIds, List<String> errors) {
        String expectedId = file.replaceFirst("\\.ya?ml$", "");
        if (!c.id().equals(expectedId)) {
            errors.add(file + ": $.id: '" + c.id() + "' must match the file name '" + expectedId + "'");
        }
        Set<String> scopeIds = new HashSet<>();
        for (int i = 0; i < c.scopes().size(); i++) {
            if (!scopeIds.add(c.scopes().get(i).id())) {
                errors.add(file + ": $.scopes[" + i + "].id: scope '" + c.scopes().get(i).id() + "' is declared twice");
            }
        }
        List<String> identityScopes = c.auth().identity().scopes();
        for (int i = 0; i < identityScopes.size(); i++) {
            if (!scopeIds.contains(identityScopes.get(i))) {
                errors.add(file + ": $.auth.identity.scopes[" + i + "]: '" + identityScopes.get(i)
                        + "' is not declared under scopes");
            }
        }
        Map<String, String> extra = c.auth().tokenResponse().extra() == null ? Map.of() : c.auth().tokenResponse().extra();
        for (int a = 0; a < c.actions().size(); a++) {
            Action action = c.actions().get(a);
            String at = file + ": $.actions[" + a + "]";
            if (!action.id().startsWith(c.id() + ".")) {
                errors.add(at + ".id: '" + action.id() + "' must start with '" + c.id() + ".'");
            }
            if (!actionIds.add(action.id())) {
                errors.add(at + ".id: action '" + action.id() + "' is declared twice");
            }
            for (int s = 0; s < action.scopes().size(); s++) {
                if (!scopeIds.contains(action.scopes().get(s))) {
                    errors.add(at + ".scopes[" + s + "]: '" + action.scopes().get(s) + "' is not declared under scopes");
                }
            }
            List<String> inputs = action.inputNames();
            for (String required : action.requiredInputs()) {
                if (!inputs.contains(required)) {
                    errors.add(at + ".inputs.required: '" + required + "' is not a declared input property");
                }
            }
            try {
                schemas.getSchema(action.inputs());
            } catch (RuntimeException e) {
                errors.add(at + ".inputs: not a usable JSON Schema: " + e.getMessage());
            }
            Action.Request request = action.request();
            checkPlaceholders(at + ".request.path", request.path(), inputs, errors);
            if (request.query() != null) {
                request.query().forEach((k, v) -> checkPlaceholders(at + ".request.query." + k, v, inputs, errors));
            }
            if (request.headers() != null) {
                request.headers().forEach((k, v) -> checkPlaceholders(at + ".request.headers." + k, v, inputs, errors));
            }
            if (request.body() != null) {
                checkBody(at + ".request.body", request.body(), inputs, errors);
            }
            if (request.baseUrlFrom() != null && !extra.containsKey(request.baseUrlFrom())) {
                errors.add(at + ".request.baseUrlFrom: '" + request.baseUrlFrom()
                        + "' is not kept from the token response (auth.tokenResponse.extra)");
            }
        }
    }

    private static void checkBody(String at, JsonNode body, List<String> inputs, List<String> errors) {
        if (body.isTextual()) {
            checkPlaceholders(at, body.asText(), inputs, errors);
        } else if (body.isObject()) {
            body.fields().forEachRemaining(e -> checkBody(at + "." + e.getKey(), e.getValue(), inputs, errors));
        } else if (body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                checkBody(at + "[" + i + "]", body.get(i), inputs, errors);
            }
        }
    }

    private static void checkPlaceholders(String at, String template, List<String> inputs, List<String> errors) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            String root = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (!inputs.contains(root) && !ENCODER_PLACEHOLDERS.contains(name)) {
                errors.add(at + ": placeholder {" + name + "} is not a declared input");
            }
        }
    }
}
