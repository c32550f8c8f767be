package io.switchboard.agent.suggest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.switchboard.apps.AppService;
import io.switchboard.apps.Caller;
import io.switchboard.catalog.Catalog;
import io.switchboard.web.ApiException;

@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {
    @Inject
    SuggestionService suggestions;
    @Inject
    AppService apps;
    @Inject
    Catalog catalog;
    @Inject
    Caller caller;

    @GET
    @Path("/apps/{appId}/suggestions")
    public Map<String, List<SuggestionService.Suggestion>> forApp(@PathParam("appId") String appId) {
        return Map.of("prompts", suggestions.forApp(apps.view(appId, caller.name())));
    }

    @GET
    @Path("/catalog/{connectorId}/prompts")
    public Map<String, List<SuggestionService.Suggestion>> forConnector(@PathParam("connectorId") String connectorId,
            @QueryParam("app") String appId) {
        if (appId == null || appId.isBlank()) {
            throw ApiException.badRequest("Say which app the prompts are for: ?app=<appId>.");
        }
        if (catalog.connector(connectorId).isEmpty()) {
            throw ApiException.notFound("No connector '" + connectorId + "'.");
        }
        return Map.of("prompts", suggestions.forConnector(apps.view(appId, caller.name()), connectorId));
    }
}
