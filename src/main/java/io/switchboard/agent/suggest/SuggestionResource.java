package io.switchboard.agent.suggest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.switchboard.apps.AppService;
import io.switchboard.apps.Caller;

/**
 * Prompt chips for one app. The full path sits on the class: JAX-RS matches classes first, so a class at "/api" loses
 * to AppResource's "/api/apps" and answers 404.
 */
@Path("/api/apps/{appId}/suggestions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {
    @Inject
    SuggestionService suggestions;
    @Inject
    AppService apps;
    @Inject
    Caller caller;

    @GET
    public Map<String, List<SuggestionService.Suggestion>> forApp(@PathParam("appId") String appId) {
        return Map.of("prompts", suggestions.forApp(apps.view(appId, caller.name())));
    }
}
