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

/** Prompt chips for one connector in one app: the Integrations page's "Use" button. Full path on the class, as in SuggestionResource. */
@Path("/api/catalog/{connectorId}/prompts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorPromptsResource {
    @Inject
    SuggestionService suggestions;
    @Inject
    AppService apps;
    @Inject
    Catalog catalog;
    @Inject
    Caller caller;

    @GET
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
