package io.switchboard.flows;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.security.Authenticated;
import io.switchboard.agent.Trigger;
import io.switchboard.apps.AppService;
import io.switchboard.apps.Caller;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.flows.run.RunView;
import io.switchboard.web.ApiException;

@Path("/api/apps/{appId}/flows")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FlowResource {
    @Inject
    FlowService flows;
    @Inject
    AppService apps;
    @Inject
    Caller caller;

    /** A flow written directly, for editors who already know what they want (the chat writes them otherwise). */
    public record NewFlow(String name, String connector, String action, Trigger trigger, FlowView.Source source,
            Map<String, String> inputs, ConnectionMode connectionMode) {
    }

    @GET
    public List<FlowView> list(@PathParam("appId") String appId) {
        return flows.list(appId, caller.name());
    }

    @POST
    @ResponseStatus(201)
    public FlowView.Detail create(@PathParam("appId") String appId, NewFlow request) {
        apps.requireEditor(appId, caller.name());
        if (request == null) {
            throw ApiException.badRequest("Send the flow as JSON: {\"connector\": \"gmail\", \"action\":"
                    + " \"gmail.send_email\", \"trigger\": {...}, ...}.");
        }
        String id = flows.create(new FlowCreation.NewFlow(appId, request.name(), request.connector(), request.action(),
                request.trigger(), request.source() == null ? null : request.source().entity(),
                request.source() == null ? null : request.source().filter(), request.inputs(), request.connectionMode(),
                caller.name(), false));
        return flows.get(appId, id, caller.name());
    }

    @GET
    @Path("/{flowId}")
    public FlowView.Detail get(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        return flows.get(appId, flowId, caller.name());
    }

    /** Changes a flow's name, trigger, source (entity and filter) or inputs; what is left out stays as it is. */
    @PATCH
    @Path("/{flowId}")
    public FlowView.Detail update(@PathParam("appId") String appId, @PathParam("flowId") String flowId,
            FlowService.FlowEdit edit) {
        flows.update(appId, flowId, edit, caller.name());
        return flows.get(appId, flowId, caller.name());
    }

    @POST
    @Path("/{flowId}/run")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(202)
    public Map<String, String> run(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        return Map.of("runId", flows.runNow(appId, flowId, caller.name()));
    }

    @GET
    @Path("/{flowId}/runs")
    public List<RunView> runs(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        return flows.runs(appId, flowId, caller.name());
    }

    @POST
    @Path("/{flowId}/pause")
    @Consumes(MediaType.WILDCARD)
    public FlowView.Detail pause(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        return flows.pause(appId, flowId, caller.name());
    }

    @POST
    @Path("/{flowId}/resume")
    @Consumes(MediaType.WILDCARD)
    public FlowView.Detail resume(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        return flows.resume(appId, flowId, caller.name());
    }

    @DELETE
    @Path("/{flowId}")
    @ResponseStatus(204)
    public void delete(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        flows.delete(appId, flowId, caller.name());
    }
}
