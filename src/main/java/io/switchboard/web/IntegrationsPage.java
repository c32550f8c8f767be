package io.switchboard.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.switchboard.apps.AppService;
import io.switchboard.apps.AppView;
import io.switchboard.apps.Caller;
import io.switchboard.apps.Role;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;
import io.switchboard.connections.Connection;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.connections.ConnectionService;
import io.switchboard.connections.ConnectionStatus;
import io.switchboard.connections.ConnectionUsage;

/**
 * Browse (the catalog, each connector with a "Use" button into the chat) and My integrations (what is connected, with
 * which access, and forms to switch, reconnect or disconnect). Who may see and change what mirrors the REST API:
 * editors change shared connections, a per-user connection only its owner.
 */
@Path("/apps/{appId}/integrations")
@Authenticated
public class IntegrationsPage {
    @Inject
    AppService apps;
    @Inject
    ConnectionService connections;
    @Inject
    Catalog catalog;
    @Inject
    Caller caller;
    @Inject
    Instance<ConnectionUsage> usage;

    /** A connector in Browse; {@code useHref} opens the chat with its first example prompt filled in. */
    public record ConnectorCard(Connector connector, String category, String useHref) {
    }

    public record Category(String id, String label) {
    }

    /** One granted scope: what it allows in words, when it was granted, which flows need it. */
    public record ScopeRow(String scope, String description, String grantedAt, List<String> usedBy) {
    }

    /** {@code usageKnown}: whether the flows feature said which flows use it (else nothing is claimed about flows). */
    public record ConnectionRow(String id, String connectorName, String account, String mode, String owner,
            String status, String statusLabel, String statusReason, List<ScopeRow> access, List<String> flows,
            boolean usageKnown, boolean changeable) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance integrations(AppView app, List<ConnectionRow> connections,
                List<ConnectorCard> connectors, List<Category> categories, String query, String category, String notice);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("appId") String appId, @QueryParam("q") String query,
            @QueryParam("category") String category, @QueryParam("disconnected") String disconnected) {
        String user = caller.name();
        AppView app = apps.view(appId, user);
        Role role = apps.roleOf(appId, user);
        List<ConnectionRow> rows = connections.ofApp(appId).stream()
                .filter(c -> role == Role.EDITOR || c.mode == ConnectionMode.SHARED || c.owner.equals(user))
                .map(c -> row(app, c, role, user)).toList();
        List<ConnectorCard> cards = catalog.search(query, category).stream()
                .map(c -> new ConnectorCard(c, words(c.category()),
                        Links.app(appId, "chat") + "?prompt=" + Links.encode(firstPrompt(c))))
                .toList();
        List<Category> categories = catalog.all().stream().map(Connector::category).distinct().sorted()
                .map(id -> new Category(id, words(id))).toList();
        String notice = disconnected == null ? null
                : rows.stream().filter(r -> r.id().equals(disconnected) && r.status().equals("revoked")).findFirst()
                        .map(r -> r.connectorName() + " (" + r.account() + ") is disconnected."
                                + (r.flows().isEmpty() ? "" : " The flows that used it are paused."))
                        .orElse(null);
        return Templates.integrations(app, rows, cards, categories, query, category, notice);
    }

    @POST
    @Path("/{connectionId}/switch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchAccount(@PathParam("appId") String appId, @PathParam("connectionId") String connectionId) {
        return reauthorize(appId, connectionId);
    }

    @POST
    @Path("/{connectionId}/reconnect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reconnect(@PathParam("appId") String appId, @PathParam("connectionId") String connectionId) {
        return reauthorize(appId, connectionId);
    }

    @POST
    @Path("/{connectionId}/disconnect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disconnect(@PathParam("appId") String appId, @PathParam("connectionId") String connectionId) {
        Connection c = changeable(appId, connectionId);
        connections.disconnect(appId, c.id);
        return Links.seeOther(Links.app(appId, "integrations") + "?disconnected=" + Links.encode(c.id) + "#mine");
    }

    /** Sends the browser to the provider's consent; the callback brings it back here. */
    private Response reauthorize(String appId, String connectionId) {
        Connection c = changeable(appId, connectionId);
        return Links.seeOther(connections.authorizeUrl(appId, caller.name(), null, c.connector, c.mode, c.scopeList(),
                c.id));
    }

    private ConnectionRow row(AppView app, Connection c, Role role, String user) {
        Connector connector = catalog.connector(c.connector).orElseThrow();
        List<ConnectionUsage.FlowUse> flows = usage.isResolvable()
                ? usage.get().flowsUsing(app.id(), c.connector, c.mode, c.owner)
                : List.of();
        List<String> identity = connector.auth().identity() == null ? List.of() : connector.auth().identity().scopes();
        // what the flows use first, then the sign-in scopes every connection of this provider has
        List<ScopeRow> access = connections.grants(c.id).stream().filter(g -> c.scopeList().contains(g.scope))
                .sorted(java.util.Comparator.comparing(g -> identity.contains(g.scope)))
                .map(g -> new ScopeRow(g.scope, connector.describeScope(g.scope), Links.when(g.grantedAt, app.zone()),
                        flows.stream().filter(f -> f.scopes().contains(g.scope)).map(ConnectionUsage.FlowUse::name)
                                .toList()))
                .toList();
        boolean changeable = c.mode == ConnectionMode.SHARED ? role == Role.EDITOR : c.owner.equals(user);
        return new ConnectionRow(c.id, connector.name(), c.account, c.mode.id(), c.owner, c.status.id(), label(c.status),
                c.statusReason, access, flows.stream().map(ConnectionUsage.FlowUse::name).toList(), usage.isResolvable(),
                changeable);
    }

    /** Editors change shared connections; a per-user connection only by its owner (as ConnectionResource). */
    private Connection changeable(String appId, String connectionId) {
        String user = caller.name();
        Role role = apps.roleOf(appId, user);
        Connection c = connections.get(appId, connectionId);
        if (c.mode == ConnectionMode.SHARED) {
            if (role != Role.EDITOR) {
                throw ApiException.forbidden("Only the app's editors can change its shared connections.");
            }
        } else if (!c.owner.equals(user)) {
            throw ApiException.forbidden("Only " + c.owner + " can change their own connection.");
        }
        return c;
    }

    private static String firstPrompt(Connector c) {
        return c.examplePrompts().isEmpty() ? "Use " + c.name() + " to " + c.actions().get(0).name().toLowerCase(Locale.ROOT)
                : c.examplePrompts().get(0);
    }

    /** "project_management" as "project management". */
    private static String words(String id) {
        return id.replace('_', ' ');
    }

    private static String label(ConnectionStatus status) {
        return switch (status) {
            case ACTIVE -> "Active";
            case NEEDS_REAUTH -> "Needs reconnecting";
            case REVOKED -> "Disconnected";
        };
    }
}
