package io.switchboard.actions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.catalog.Action;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;
import io.switchboard.catalog.ConnectorSettings;
import io.switchboard.catalog.JsonPaths;
import io.switchboard.connections.AccessGrant;

/** Makes the HTTP request a catalog action describes; provider quirks live in the catalog except where noted. */
@ApplicationScoped
public class HttpActionExecutor implements ActionExecutor {
    private static final Logger LOG = Logger.getLogger(HttpActionExecutor.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    Catalog catalog;
    @Inject
    ConnectorSettings settings;
    @Inject
    ActionsConfig actionsConfig;
    @Inject
    Clock clock;

    private HttpClient http;

    @PostConstruct
    void init() {
        // Redirects are not followed, so the bearer token never travels to a host the catalog did not name.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(actionsConfig.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public ActionResult execute(Action action, Map<String, Object> given, AccessGrant grant) {
        Connector connector = catalog.connector(action.connectorId())
                .orElseThrow(() -> new IllegalArgumentException("No connector '" + action.connectorId() + "' in the catalog."));
        Action.Request request = action.request();
        Map<String, Object> inputs = completed(connector, action, given, grant);

        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(connector, request, inputs, grant)))
                .timeout(actionsConfig.timeout())
                .header("Authorization", authorization(connector, grant))
                .header("Accept", "application/json");
        if (request.headers() != null) {
            request.headers().forEach((name, value) -> builder.setHeader(name, RequestTemplates.text(value, inputs)));
        }
        Bodies.Encoded body = encode(connector, request, inputs);
        if (body == null) {
            builder.method(request.method(), BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", body.contentType()).method(request.method(),
                    BodyPublishers.ofByteArray(body.bytes()));
        }
        return result(connector, request, send(connector, builder.build()));
    }

    private HttpResponse<String> send(Connector connector, HttpRequest call) {
        HttpResponse<String> response;
        try {
            response = http.send(call, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderException(ProviderException.NO_ANSWER,
                    connector.name() + " did not answer within " + actionsConfig.timeout().toSeconds() + " s.", null);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.NO_ANSWER,
                    connector.name() + " could not be reached: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.NO_ANSWER, "The call to " + connector.name() + " was interrupted.",
                    null);
        }
        LOG.debugf("%s %s%s -> %d", call.method(), call.uri().getHost(), call.uri().getRawPath(), response.statusCode());
        return response;
    }

    /**
     * Discord posts to a channel id; people name channels, so a name is looked up among the channels of the server
     * the bot was added to (discord.com/developers/docs/resources/guild#get-guild-channels).
     */
    private String discordChannelId(Connector connector, String channel, AccessGrant grant) {
        String guild = grant.extra() == null ? null : grant.extra().get("guild_id");
        if (guild == null) {
            throw new IllegalArgumentException("Discord needs a channel id, and this connection does not say which server"
                    + " '" + channel + "' is in; use the channel's id.");
        }
        String url = resolve("/guilds/" + RequestTemplates.encodeSegment(guild) + "/channels", connector.apiBaseUrl(),
                settings.get(connector.id(), "api-base-url"), Optional.empty(), null, grant.apiBaseUrl());
        HttpResponse<String> response = send(connector, HttpRequest.newBuilder(URI.create(url)).timeout(actionsConfig.timeout())
                .header("Authorization", authorization(connector, grant)).header("Accept", "application/json").GET().build());
        JsonNode channels = parse(response.body());
        if (response.statusCode() / 100 != 2 || channels == null || !channels.isArray()) {
            throw new ProviderException(response.statusCode(), connector.name() + " answered HTTP " + response.statusCode()
                    + " when listing channels: " + describe(channels, response.body()), retryAfter(response));
        }
        String name = channel.startsWith("#") ? channel.substring(1) : channel;
        for (JsonNode candidate : channels) {
            if (name.equalsIgnoreCase(candidate.path("name").asText())) {
                return candidate.path("id").asText();
            }
        }
        throw new IllegalArgumentException("The Discord server has no channel named '" + name + "'.");
    }

    /** The inputs plus what the executor fills itself; fails when a required input is still missing. */
    private Map<String, Object> completed(Connector connector, Action action, Map<String, Object> given, AccessGrant grant) {
        Map<String, Object> inputs = new LinkedHashMap<>(given);
        // LinkedIn posts need the member's URN, which comes from the OpenID sub saved at connect time.
        if ("linkedin".equals(connector.id()) && blank(inputs.get("author")) && grant.extra() != null
                && grant.extra().get("sub") != null) {
            inputs.put("author", "urn:li:person:" + grant.extra().get("sub"));
        }
        for (String name : action.requiredInputs()) {
            if (blank(inputs.get(name))) {
                throw new IllegalArgumentException("'" + action.name() + "' needs the input '" + name + "' ("
                        + action.inputs().path("properties").path(name).path("description").asText(name)
                        + "); set it on the flow.");
            }
        }
        if ("discord".equals(connector.id()) && inputs.get("channel") instanceof String channel
                && !channel.matches("\\d+")) {
            inputs.put("channel", discordChannelId(connector, channel, grant));
        }
        if ("gmail_raw".equals(action.request().encoding())) {
            inputs.put("raw", Bodies.gmailRaw(RequestTemplates.asText(inputs.get("to")),
                    RequestTemplates.asText(inputs.get("subject")), RequestTemplates.asText(inputs.get("body"))));
        }
        return inputs;
    }

    private String url(Connector connector, Action.Request request, Map<String, Object> inputs, AccessGrant grant) {
        String fromExtra = request.baseUrlFrom() == null || grant.extra() == null ? null
                : grant.extra().get(request.baseUrlFrom());
        String url = resolve(RequestTemplates.path(request.path(), inputs), connector.apiBaseUrl(),
                settings.get(connector.id(), "api-base-url"), settings.get(connector.id(), "absolute-base-url"),
                fromExtra, grant.apiBaseUrl());
        if (request.query() == null || request.query().isEmpty()) {
            return url;
        }
        StringJoiner query = new StringJoiner("&");
        request.query().forEach((name, template) -> {
            String value = RequestTemplates.text(template, inputs);
            if (!value.isEmpty()) {
                query.add(RequestTemplates.encodeQuery(name) + "=" + RequestTemplates.encodeQuery(value));
            }
        });
        return query.length() == 0 ? url : url + (url.contains("?") ? "&" : "?") + query;
    }

    /**
     * Where a request goes. Relative paths: the configured override, else the account's own host from the token
     * response (baseUrlFrom: a URL, or a bare host that replaces the catalog host), else the grant's base, else the
     * catalog's. Absolute paths keep their host unless {@code absolute-base-url} is configured.
     */
    static String resolve(String path, String apiBaseUrl, Optional<String> override, Optional<String> absoluteOverride,
            String fromExtra, String grantBase) {
        // a connection that says where its API is (the sandbox) is always served there, whatever the host
        if (grantBase != null && !grantBase.isBlank()) {
            URI uri = URI.create(path.startsWith("/") ? "http://relative" + path : path);
            return trim(grantBase) + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        if (path.startsWith("https://") || path.startsWith("http://")) {
            if (absoluteOverride.isEmpty()) {
                return path;
            }
            URI uri = URI.create(path);
            return trim(absoluteOverride.get()) + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        String base;
        if (override.isPresent()) {
            base = override.get();
        } else if (fromExtra != null && !fromExtra.isBlank()) {
            base = fromExtra.contains("://") ? fromExtra : replaceHost(apiBaseUrl, fromExtra);
        } else {
            base = apiBaseUrl;
        }
        return trim(base) + path;
    }

    private static String replaceHost(String url, String host) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + host + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String trim(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private String authorization(Connector connector, AccessGrant grant) {
        // Discord bots post with the application's bot token, not the installing user's bearer token.
        if ("discord".equals(connector.id())) {
            Optional<String> bot = settings.get("discord", "bot-token");
            if (bot.isPresent()) {
                return "Bot " + bot.get();
            }
        }
        return "Bearer " + grant.accessToken();
    }

    private Bodies.Encoded encode(Connector connector, Action.Request request, Map<String, Object> inputs) {
        JsonNode body = RequestTemplates.body(request.body(), inputs);
        return switch (request.encoding()) {
            case "none" -> null;
            case "form" -> Bodies.form(body);
            case "multipart" -> {
                String content = RequestTemplates.asText(inputs.get("content"));
                if (connector.id().startsWith("google_")) {
                    if (body instanceof ObjectNode metadata && !blank(inputs.get("mimeType"))) {
                        metadata.put("mimeType", RequestTemplates.asText(inputs.get("mimeType")));
                    }
                    yield Bodies.related(body, content, blank(inputs.get("mimeType")) ? null
                            : RequestTemplates.asText(inputs.get("mimeType")));
                }
                yield Bodies.formData(body, RequestTemplates.asText(inputs.get("name")), content);
            }
            default -> new Bodies.Encoded("application/json",
                    (body == null ? "{}" : body.toString()).getBytes(StandardCharsets.UTF_8));
        };
    }

    private ActionResult result(Connector connector, Action.Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode json = parse(response.body());
        if (status >= 200 && status < 300) {
            String refusal = errorIn200(connector, json);
            if (refusal != null) {
                throw new ProviderException(status, connector.name() + " refused the request: " + refusal, null);
            }
            String id = JsonPaths.valueAt(json, request.resultId());
            if (id == null) {
                // LinkedIn returns the new post's URN in this header, not in the body.
                id = response.headers().firstValue("x-restli-id").orElse(null);
            }
            return new ActionResult(id, JsonPaths.valueAt(json, request.resultLink()));
        }
        throw new ProviderException(status,
                connector.name() + " answered HTTP " + status + ": " + describe(json, response.body()),
                retryAfter(response));
    }

    /** Slack says ok:false and TikTok error.code other than "ok", both with HTTP 200. */
    private static String errorIn200(Connector connector, JsonNode json) {
        if (json == null) {
            return null;
        }
        var tokenResponse = connector.auth().tokenResponse();
        String okField = tokenResponse == null ? null : tokenResponse.okField();
        if (okField != null && json.has(okField) && !json.get(okField).asBoolean()) {
            String errorField = tokenResponse.errorField() == null ? "error" : tokenResponse.errorField();
            return json.path(errorField).asText("no reason given");
        }
        JsonNode code = json.path("error").path("code");
        if (code.isTextual() && !"ok".equalsIgnoreCase(code.asText())) {
            return json.path("error").path("message").asText(code.asText());
        }
        return null;
    }

    /** The provider's own explanation, from the fields the catalog's providers use for it. */
    static String describe(JsonNode json, String raw) {
        JsonNode node = json != null && json.isArray() && json.size() > 0 ? json.get(0) : json;
        if (node != null && node.isObject()) {
            for (String path : new String[] { "error.message", "message", "error_description", "errorDescription",
                    "err", "error.code", "error" }) {
                String text = JsonPaths.valueAt(node, path);
                if (text != null && !text.isBlank()) {
                    return text;
                }
            }
        }
        if (raw == null || raw.isBlank()) {
            return "no details given.";
        }
        return raw.length() > 300 ? raw.substring(0, 300) + "..." : raw;
    }

    private Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.get())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }
}
