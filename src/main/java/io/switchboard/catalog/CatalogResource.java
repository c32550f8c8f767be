package io.switchboard.catalog;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.Authenticated;
import io.switchboard.web.ApiException;

@Path("/api/catalog")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {
    @Inject
    Catalog catalog;

    public record ConnectorView(String id, String name, String category, String description, List<String> aliases,
            Auth auth, List<Scope> scopes, List<ActionView> actions, List<String> examplePrompts) {
    }

    /** {@code configured} is false when no OAuth client is set up and the sandbox stands in. */
    public record Auth(String type, boolean configured) {
    }

    public record ActionView(String id, String name, String description, List<String> scopes, JsonNode inputs) {
    }

    @GET
    public List<ConnectorView> list(@QueryParam("q") String query, @QueryParam("category") String category) {
        if (query != null && query.length() > 200) {
            throw ApiException.badRequest("Search text is limited to 200 characters.");
        }
        return catalog.search(query, category).stream().map(this::view).toList();
    }

    @GET
    @Path("/{connectorId}")
    public ConnectorView get(@PathParam("connectorId") String connectorId) {
        return catalog.connector(connectorId).map(this::view)
                .orElseThrow(() -> ApiException.notFound("No connector '" + connectorId + "'; GET /api/catalog lists them."));
    }

    ConnectorView view(Connector c) {
        return new ConnectorView(c.id(), c.name(), c.category(), c.description(), c.aliases(),
                new Auth(c.auth().type(), catalog.client(c.id()).isPresent()), c.scopes(),
                c.actions().stream().map(a -> new ActionView(a.id(), a.name(), a.description(), a.scopes(), a.inputs()))
                        .toList(),
                c.examplePrompts());
    }
}
