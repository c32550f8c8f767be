package io.switchboard.connections.oauth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestContextProperties;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.switchboard.catalog.AuthSpec;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.JsonPaths;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Makes every provider's token endpoint speak plain OAuth to the OIDC client, driven by the catalog's data. Requests:
 * the client id under the provider's parameter name (TikTok's {@code client_key}), a JSON body where the provider
 * wants one (Notion). Replies: form-encoded ones decoded (GitHub without {@code Accept: application/json}), errors
 * sent with HTTP 200 turned into failures (Slack {@code ok:false}, GitHub and TikTok {@code error}), and the values
 * the catalog points at lifted to the top level under their standard names (Slack's user token under
 * {@code authed_user}, Salesforce's {@code instance_url}, Notion's owner). The sandbox already speaks plain OAuth.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint({ OidcEndpoint.Type.TOKEN, OidcEndpoint.Type.TOKEN_REVOCATION })
public class TokenEndpointAdapter implements OidcRequestFilter, OidcResponseFilter {
    /** Key under which the OIDC client puts its id into the request properties. */
    private static final String CLIENT_ID_PROPERTY = "client-id";
    private static final String PROVIDER_CLIENT = "connector-";
    private static final String SANDBOX_CLIENT = "sandbox-";
    /** The account name, when the catalog reads it from the token reply (Notion). */
    static final String ACCOUNT = "account";

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    Catalog catalog;

    /** The OIDC client id of a connector's client: real providers are adapted, the sandbox is not. */
    static String clientId(String connectorId, boolean sandbox) {
        return (sandbox ? SANDBOX_CLIENT : PROVIDER_CLIENT) + connectorId;
    }

    @Override
    public void filter(OidcRequestContext request) {
        Optional<AuthSpec> auth = providerAuth(request.contextProperties());
        if (auth.isEmpty() || request.requestBody() == null) {
            return;
        }
        Map<String, String> form = decodeForm(request.requestBody().toString());
        String clientIdParam = auth.get().clientIdParam();
        boolean renamed = !"client_id".equals(clientIdParam) && form.containsKey("client_id");
        if (renamed) {
            Map<String, String> copy = new LinkedHashMap<>();
            form.forEach((name, value) -> copy.put(name.equals("client_id") ? clientIdParam : name, value));
            form = copy;
        }
        if ("json".equals(auth.get().tokenRequestFormat())) {
            request.request().putHeader("Content-Type", "application/json");
            request.requestBody(Buffer.buffer(write(json.valueToTree(form))));
        } else if (renamed) {
            request.requestBody(Buffer.buffer(encodeForm(form)));
        }
    }

    @Override
    public void filter(OidcResponseContext response) {
        OidcRequestContextProperties properties = response.requestProperties();
        String clientId = properties == null ? null : properties.getString(CLIENT_ID_PROPERTY);
        String grantType = properties == null ? null : properties.getString("grant_type");
        if (clientId == null || grantType == null || !clientId.startsWith(PROVIDER_CLIENT)) {
            // revocation replies and sandbox replies need nothing
            return;
        }
        AuthSpec auth = catalog.connector(clientId.substring(PROVIDER_CLIENT.length())).orElseThrow().auth();
        String type = response.responseHeaders() == null ? null : response.responseHeaders().get("Content-Type");
        JsonNode reply = parse(response.responseBody(), type);
        if (response.statusCode() != 200) {
            if (reply != null) {
                response.responseBody(Buffer.buffer(write(reply)));
            }
            return;
        }
        if (reply == null || !reply.isObject()) {
            throw refusal("unreadable_reply");
        }
        AuthSpec.TokenResponse shape = auth.tokenResponse();
        String error = errorIn200(reply, shape);
        if (error != null) {
            throw refusal(error);
        }
        boolean refresh = "refresh_token".equals(grantType);
        ObjectNode flat = json.createObjectNode();
        put(flat, "access_token", value(reply, shape.accessToken(), "access_token", refresh));
        put(flat, "refresh_token", value(reply, shape.refreshToken(), "refresh_token", refresh));
        put(flat, "expires_in", value(reply, shape.expiresIn(), "expires_in", refresh));
        put(flat, "scope", value(reply, shape.scope(), "scope", refresh));
        if (shape.extra() != null) {
            shape.extra().forEach((name, path) -> put(flat, name, JsonPaths.valueAt(reply, path)));
        }
        if (!flat.has("access_token")) {
            throw refusal("no_access_token");
        }
        if (auth.identity().fromTokenResponse()) {
            put(flat, ACCOUNT, JsonPaths.valueAt(reply, auth.identity().accountField()));
        }
        response.responseBody(Buffer.buffer(write(flat)));
    }

    /** The text at a dot path ({@code authed_user.access_token}, {@code data.0.email}); null when absent. */
    /**
     * A refresh reply may be flat where the first reply nested the value: Slack answers a user-token refresh with
     * the new tokens at the top level, not under {@code authed_user}.
     */
    private static String value(JsonNode reply, String path, String standardName, boolean refresh) {
        String value = JsonPaths.valueAt(reply, path == null ? standardName : path);
        return value == null && refresh ? JsonPaths.valueAt(reply, standardName) : value;
    }

    /** Slack: {@code ok:false} with the reason in {@code error}; GitHub and TikTok: an {@code error} field. */
    private static String errorIn200(JsonNode reply, AuthSpec.TokenResponse shape) {
        if (shape.okField() != null && reply.has(shape.okField()) && !reply.get(shape.okField()).asBoolean()) {
            return Optional.ofNullable(JsonPaths.valueAt(reply, shape.errorField() == null ? "error" : shape.errorField()))
                    .orElse("refused");
        }
        String error = shape.errorField() == null ? null : JsonPaths.valueAt(reply, shape.errorField());
        return error == null || error.isBlank() || shape.okField() != null ? null : error;
    }

    /** The same failure the OIDC client raises for an error status, so both reach one handler. */
    private OidcClientException refusal(String error) {
        return new OidcClientException(write(json.createObjectNode().put("error", error)));
    }

    private Optional<AuthSpec> providerAuth(OidcRequestContextProperties properties) {
        String clientId = properties == null ? null : properties.getString(CLIENT_ID_PROPERTY);
        if (clientId == null || !clientId.startsWith(PROVIDER_CLIENT)) {
            return Optional.empty();
        }
        return catalog.connector(clientId.substring(PROVIDER_CLIENT.length())).map(c -> c.auth());
    }

    private JsonNode parse(Buffer body, String contentType) {
        if (body == null || body.length() == 0) {
            return null;
        }
        String text = body.toString();
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            return json.valueToTree(decodeForm(text));
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> decodeForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String encodeForm(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
