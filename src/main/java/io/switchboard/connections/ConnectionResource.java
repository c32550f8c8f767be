package io.switchboard.connections;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.security.Authenticated;
import io.switchboard.apps.AppService;
import io.switchboard.apps.Caller;
import io.switchboard.apps.Role;
import io.switchboard.catalog.Catalog;
import io.switchboard.web.ApiException;

/** My integrations: what is connected, with which access, and the ways to change it. Never a token. */
@Path("/api/apps/{appId}/connections")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {
    @Inject
    ConnectionService connections;
    @Inject
    AppService apps;
    @Inject
    Caller caller;
    @Inject
    Catalog catalog;
    @Inject
    ConnectionUsage usage;

    public record ConnectionView(String id, String connector, ConnectionMode mode, String account, List<String> scopes,
            ConnectionStatus status, String statusReason, String owner, Instant expiresAt) {
    }

    public record ScopeAccess(String scope, String description, Instant grantedAt, List<ConnectionUsage.FlowUse> usedBy) {
    }

    public record Access(String id, String connector, String account, List<ScopeAccess> scopes) {
    }

    public record NewConnection(String connector, ConnectionMode mode, String action) {
    }

    /** Starts connecting an account for one action's least scopes; answers with the provider's consent URL. */
    @POST
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> connect(@PathParam("appId") String appId, NewConnection request) {
        if (request == null || request.connector() == null || request.mode() == null || request.action() == null) {
            throw ApiException.badRequest("Send {\"connector\": \"gmail\", \"mode\": \"shared\"|\"per_user\","
                    + " \"action\": \"gmail.send_email\"}.");
        }
        var action = catalog.action(request.action()).filter(a -> a.connectorId().equals(request.connector()))
                .orElseThrow(() -> ApiException.badRequest("'" + request.action() + "' is not an action of '"
                        + request.connector() + "'."));
        if (request.mode() == ConnectionMode.SHARED) {
            apps.requireEditor(appId, caller.name());
        } else {
            apps.roleOf(appId, caller.name());
        }
        return Map.of("authorizeUrl", connections.authorizeUrl(appId, caller.name(), null, request.connector(),
                request.mode(), action.scopes(), null));
    }

    @GET
    public List<ConnectionView> list(@PathParam("appId") String appId) {
        Role role = apps.roleOf(appId, caller.name());
        return connections.ofApp(appId).stream()
                .filter(c -> role == Role.EDITOR || c.mode == ConnectionMode.SHARED || c.owner.equals(caller.name()))
                .map(ConnectionResource::view).toList();
    }

    @GET
    @Path("/{id}/access")
    public Access access(@PathParam("appId") String appId, @PathParam("id") String id) {
        Connection c = visible(appId, id);
        List<ConnectionUsage.FlowUse> flows = usage.flowsUsing(appId, c.connector, c.mode, c.owner);
        var connector = catalog.connector(c.connector).orElseThrow();
        return new Access(c.id, c.connector, c.account, connections.grants(c.id).stream()
                .filter(g -> c.scopeList().contains(g.scope))
                .map(g -> new ScopeAccess(g.scope, connector.describeScope(g.scope), g.grantedAt,
                        flows.stream().filter(f -> f.scopes().contains(g.scope)).toList()))
                .toList());
    }

    @POST
    @Path("/{id}/switch")
    public Map<String, String> switchAccount(@PathParam("appId") String appId, @PathParam("id") String id) {
        return reauthorize(appId, id);
    }

    @POST
    @Path("/{id}/reconnect")
    public Map<String, String> reconnect(@PathParam("appId") String appId, @PathParam("id") String id) {
        return reauthorize(appId, id);
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    public void disconnect(@PathParam("appId") String appId, @PathParam("id") String id) {
        Connection c = changeable(appId, id);
        connections.disconnect(appId, c.id);
    }

    private Map<String, String> reauthorize(String appId, String id) {
        Connection c = changeable(appId, id);
        return Map.of("authorizeUrl", connections.authorizeUrl(appId, caller.name(), null, c.connector, c.mode,
                c.scopeList(), c.id));
    }

    /** Editors change shared connections; a per-user connection only by its owner. */
    private Connection changeable(String appId, String id) {
        Connection c = visible(appId, id);
        if (c.mode == ConnectionMode.SHARED) {
            apps.requireEditor(appId, caller.name());
        } else if (!c.owner.equals(caller.name())) {
            throw ApiException.forbidden("Only " + c.owner + " can change their own connection.");
        }
        return c;
    }

    private Connection visible(String appId, String id) {
        Role role = apps.roleOf(appId, caller.name());
        Connection c = connections.get(appId, id);
        if (role != Role.EDITOR && c.mode == ConnectionMode.PER_USER && !c.owner.equals(caller.name())) {
            throw ApiException.forbidden("This is another user's connection.");
        }
        return c;
    }

    static ConnectionView view(Connection c) {
        return new ConnectionView(c.id, c.connector, c.mode, c.account, c.scopeList(), c.status, c.statusReason,
                c.owner, c.expiresAt);
    }
}
