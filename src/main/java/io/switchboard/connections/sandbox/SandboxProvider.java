package io.switchboard.connections.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.switchboard.apps.Caller;
import io.switchboard.catalog.Connector;
import io.switchboard.catalog.Scope;
import io.switchboard.connections.oauth.OAuthService;
import io.switchboard.connections.oauth.ProviderDirectory;

/**
 * A real OAuth 2.0 provider and API stand-in for every connector without a configured client (demo profile only):
 * consent page, authorization codes with PKCE, token endpoint with refresh, identity endpoint, and API endpoints that
 * answer like the provider's and record what they receive in the outbox.
 */
@Path("/sandbox")
public class SandboxProvider {
    static final long ACCESS_SECONDS = 3600;
    static final long CODE_SECONDS = 120;
    private static final List<Map<String, Object>> OUTBOX = new CopyOnWriteArrayList<>();

    @Inject
    ProviderDirectory providers;
    @Inject
    SandboxTokens tokens;
    @Inject
    SandboxKeys keys;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance consent(Connector connector, List<Scope> permissions, String account,
                String action, String error);
    }

    @GET
    @Path("/oauth/{connector}/authorize")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance consentPage(@PathParam("connector") String connectorId, @Context UriInfo uri) {
        Connector connector = providers.connector(connectorId);
        String error = validate(connectorId, uri);
        List<Scope> permissions = requestedScopes(uri).stream()
                .map(s -> connector.scope(s).orElse(new Scope(s, s))).toList();
        return Templates.consent(connector, permissions, caller.email(), uri.getRequestUri().getRawPath() + "?"
                + uri.getRequestUri().getRawQuery(), error);
    }

    @POST
    @Path("/oauth/{connector}/authorize")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("connector") String connectorId, @FormParam("decision") String decision,
            @Context UriInfo uri) {
        String error = validate(connectorId, uri);
        if (error != null) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity(error).build();
        }
        String state = uri.getQueryParameters().getFirst("state");
        String redirect = uri.getQueryParameters().getFirst("redirect_uri");
        if (!"approve".equals(decision)) {
            return Response.seeOther(URI.create(redirect + "?error=access_denied&state=" + encode(state))).build();
        }
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("type", "code");
        code.put("connector", connectorId);
        code.put("account", caller.email());
        code.put("scopes", String.join(" ", requestedScopes(uri)));
        code.put("challenge", uri.getQueryParameters().getFirst("code_challenge"));
        code.put("redirect", redirect);
        code.put("exp", clock.instant().getEpochSecond() + CODE_SECONDS);
        code.put("nonce", UUID.randomUUID().toString());
        return Response.seeOther(URI.create(redirect + "?code=" + encode(tokens.issue(code)) + "&state=" + encode(state)))
                .build();
    }

    @POST
    @Path("/oauth/{connector}/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@PathParam("connector") String connectorId, @HeaderParam("Authorization") String authorization,
            @FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("code_verifier") String verifier,
            @FormParam("refresh_token") String refreshToken, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        if (!clientAuthenticated(connectorId, authorization, clientId, clientSecret)) {
            return oauthError(401, "invalid_client");
        }
        Instant now = clock.instant();
        Map<String, Object> grant;
        if ("authorization_code".equals(grantType)) {
            Optional<Map<String, Object>> claims = tokens.read(code, "code", now);
            if (claims.isEmpty() || !connectorId.equals(claims.get().get("connector"))
                    || !String.valueOf(claims.get().get("redirect")).equals(redirectUri)
                    || (claims.get().get("challenge") != null
                            && (verifier == null || !OAuthService.challenge(verifier).equals(claims.get().get("challenge"))))
                    || !tokens.spend(code)) {
                return oauthError(400, "invalid_grant");
            }
            grant = claims.get();
        } else if ("refresh_token".equals(grantType)) {
            Optional<Map<String, Object>> claims = tokens.read(refreshToken, "refresh", now);
            if (claims.isEmpty() || !connectorId.equals(claims.get().get("connector"))) {
                return oauthError(400, "invalid_grant");
            }
            grant = claims.get();
            if (providers.connector(connectorId).auth().refresh().rotates()) {
                tokens.spend(refreshToken);
            }
        } else {
            return oauthError(400, "unsupported_grant_type");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(claims("access", grant, now.getEpochSecond() + ACCESS_SECONDS)));
        body.put("token_type", "Bearer");
        body.put("expires_in", ACCESS_SECONDS);
        body.put("scope", grant.get("scopes"));
        boolean rotate = "authorization_code".equals(grantType) || providers.connector(connectorId).auth().refresh().rotates();
        if (rotate) {
            body.put("refresh_token", tokens.issue(claims("refresh", grant, now.getEpochSecond() + 180L * 24 * 3600)));
        }
        return Response.ok(body).build();
    }

    @GET
    @Path("/oauth/{connector}/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userinfo(@PathParam("connector") String connectorId, @HeaderParam("Authorization") String authorization) {
        return bearer(connectorId, authorization)
                .map(claims -> Response.ok(Map.of("account", claims.get("account"), "email", claims.get("account"))).build())
                .orElseGet(() -> oauthError(401, "invalid_token"));
    }

    @POST
    @Path("/oauth/{connector}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@FormParam("token") String token) {
        if (token != null) {
            tokens.spend(token);
        }
        return Response.ok().build();
    }

    @GET
    @Path("/outbox")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> outbox() {
        List<Map<String, Object>> newestFirst = new ArrayList<>(OUTBOX);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @GET
    @Path("/api/{connector}/{path: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response apiGet(@PathParam("connector") String c, @PathParam("path") String p,
            @HeaderParam("Authorization") String a, @Context UriInfo uri) {
        return api(c, "GET", p, a, uri, null);
    }

    @POST
    @Path("/api/{connector}/{path: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Response apiPost(@PathParam("connector") String c, @PathParam("path") String p,
            @HeaderParam("Authorization") String a, @Context UriInfo uri, byte[] body) {
        return api(c, "POST", p, a, uri, body);
    }

    @PUT
    @Path("/api/{connector}/{path: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Response apiPut(@PathParam("connector") String c, @PathParam("path") String p,
            @HeaderParam("Authorization") String a, @Context UriInfo uri, byte[] body) {
        return api(c, "PUT", p, a, uri, body);
    }

    @PATCH
    @Path("/api/{connector}/{path: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Response apiPatch(@PathParam("connector") String c, @PathParam("path") String p,
            @HeaderParam("Authorization") String a, @Context UriInfo uri, byte[] body) {
        return api(c, "PATCH", p, a, uri, body);
    }

    @DELETE
    @Path("/api/{connector}/{path: .*}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response apiDelete(@PathParam("connector") String c, @PathParam("path") String p,
            @HeaderParam("Authorization") String a, @Context UriInfo uri) {
        return api(c, "DELETE", p, a, uri, null);
    }

    /** Accepts the call like the provider would and keeps a copy of it; the answer carries an id and a link. */
    private Response api(String connectorId, String method, String path, String authorization, UriInfo uri, byte[] body) {
        providers.connector(connectorId);
        Optional<Map<String, Object>> claims = bearer(connectorId, authorization);
        if (claims.isEmpty()) {
            return oauthError(401, "invalid_token");
        }
        String id = "sbx_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("connector", connectorId);
        entry.put("account", claims.get().get("account"));
        entry.put("method", method);
        entry.put("path", "/" + path);
        entry.put("query", uri.getRequestUri().getRawQuery());
        entry.put("body", body == null ? null : new String(body, StandardCharsets.UTF_8));
        entry.put("at", clock.instant().toString());
        OUTBOX.add(entry);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("ok", true);
        answer.put("ts", String.valueOf(clock.instant().getEpochSecond()));
        answer.put("url", "https://sandbox.switchboard.local/" + connectorId + "/" + id);
        answer.put("html_url", answer.get("url"));
        answer.put("webViewLink", answer.get("url"));
        answer.put("data", List.of());
        return Response.ok(answer).build();
    }

    private Optional<Map<String, Object>> bearer(String connectorId, String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return tokens.read(authorization.substring(7).trim(), "access", clock.instant())
                .filter(c -> connectorId.equals(c.get("connector")));
    }

    private boolean clientAuthenticated(String connectorId, String authorization, String clientId, String secret) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8).split(":", 2);
            clientId = java.net.URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        return ProviderDirectory.SANDBOX_CLIENT_ID.equals(clientId)
                && keys.verify("client:" + connectorId, secret);
    }

    private String validate(String connectorId, UriInfo uri) {
        var q = uri.getQueryParameters();
        String clientId = Optional.ofNullable(q.getFirst("client_id")).orElse(q.getFirst("client_key"));
        if (!ProviderDirectory.SANDBOX_CLIENT_ID.equals(clientId)) {
            return "Unknown client.";
        }
        if (!providers.redirectUri().equals(q.getFirst("redirect_uri"))) {
            return "The redirect URI is not the one registered for this client.";
        }
        if (q.getFirst("state") == null) {
            return "The request has no state.";
        }
        return null;
    }

    private static List<String> requestedScopes(UriInfo uri) {
        var q = uri.getQueryParameters();
        String scopes = Optional.ofNullable(q.getFirst("scope")).orElse("")
                + " " + Optional.ofNullable(q.getFirst("user_scope")).orElse("");
        return List.of(scopes.trim().split("[\\s,]+")).stream().filter(s -> !s.isBlank()).distinct().toList();
    }

    private static Map<String, Object> claims(String type, Map<String, Object> grant, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("type", type);
        claims.put("connector", grant.get("connector"));
        claims.put("account", grant.get("account"));
        claims.put("scopes", grant.get("scopes"));
        claims.put("exp", exp);
        claims.put("nonce", UUID.randomUUID().toString());
        return claims;
    }

    private static Response oauthError(int status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
