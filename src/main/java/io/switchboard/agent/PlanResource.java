package io.switchboard.agent;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.switchboard.apps.AppService;
import io.switchboard.apps.Caller;
import io.switchboard.web.ApiException;
import io.switchboard.web.ModelCall;

@Path("/api/apps/{appId}/plan")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {
    @Inject
    PlanService plans;
    @Inject
    AppService apps;
    @Inject
    Caller caller;

    public record PlanRequest(String prompt) {
    }

    @POST
    @ModelCall
    public Plan plan(@PathParam("appId") String appId, PlanRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Send {\"prompt\": \"...\"}.");
        }
        return plans.plan(apps.view(appId, caller.name()), request.prompt());
    }
}
