package io.switchboard.web;

import java.util.List;

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
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;

/** The app's flows in words, with their recent runs and the buttons to run, pause and resume them. */
@Path("/apps/{appId}/flows")
@Authenticated
public class FlowsPage {
    @Inject
    AppService apps;
    @Inject
    Catalog catalog;
    @Inject
    Caller caller;
    @Inject
    FlowsView flows;

    public record Run(String status, String statusLabel, int attempts, String queuedAt, String finishedAt, String error) {
    }

    public record Flow(String id, String name, String sentence, String connectorName, String status, String statusLabel,
            String statusReason, String connectionId, boolean changeable, List<Run> runs, String missing) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance flows(AppView app, List<Flow> flows, String notice);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("appId") String appId, @QueryParam("ran") String ran,
            @QueryParam("paused") String paused, @QueryParam("resumed") String resumed) {
        String user = caller.name();
        AppView app = apps.view(appId, user);
        List<Flow> rows = flows.flows(appId, user).stream().map(f -> flow(app, f)).toList();
        return Templates.flows(app, rows, notice(rows, ran, paused, resumed));
    }

    @POST
    @Path("/{flowId}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        flows.runNow(appId, flowId, caller.name());
        return back(appId, "ran", flowId);
    }

    @POST
    @Path("/{flowId}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        flows.pause(appId, flowId, caller.name());
        return back(appId, "paused", flowId);
    }

    @POST
    @Path("/{flowId}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@PathParam("appId") String appId, @PathParam("flowId") String flowId) {
        flows.resume(appId, flowId, caller.name());
        return back(appId, "resumed", flowId);
    }

    private static Response back(String appId, String what, String flowId) {
        return Links.seeOther(Links.app(appId, "flows") + "?" + what + "=" + Links.encode(flowId) + "#flow-"
                + Links.encode(flowId));
    }

    /** The notice after a button, worded from the flow's own data, never from the query string. */
    private static String notice(List<Flow> rows, String ran, String paused, String resumed) {
        for (Flow f : rows) {
            if (f.id().equals(ran)) {
                return "\u201c" + f.name() + "\u201d will run in a moment; its run shows below.";
            }
            if (f.id().equals(paused)) {
                return "\u201c" + f.name() + "\u201d is paused. It will not run until you resume it.";
            }
            if (f.id().equals(resumed)) {
                return "\u201c" + f.name() + "\u201d is running on its schedule again.";
            }
        }
        return null;
    }

    private Flow flow(AppView app, FlowsView.FlowRow f) {
        String connectorName = f.connector() == null ? null
                : catalog.connector(f.connector()).map(Connector::name).orElse(f.connector());
        List<Run> runs = f.recentRuns() == null ? List.of()
                : f.recentRuns().stream().map(r -> new Run(r.status(), runLabel(r.status()), r.attempts(),
                        Links.when(r.queuedAt(), app.zone()), Links.when(r.finishedAt(), app.zone()), r.error()))
                        .toList();
        return new Flow(f.id(), f.name(), f.sentence(), connectorName, f.status(), flowLabel(f.status()),
                f.statusReason(), f.connectionId(), f.changeable(), runs, f.missing());
    }

    static String flowLabel(String status) {
        return switch (status == null ? "" : status) {
            case "active" -> "Active";
            case "paused" -> "Paused";
            case "needs_approval" -> "Waiting for approval";
            case "needs_reconnect" -> "Needs reconnecting";
            default -> Links.capitalized(status);
        };
    }

    static String runLabel(String status) {
        return switch (status == null ? "" : status) {
            case "queued" -> "Waiting to run";
            case "running" -> "Running";
            case "succeeded" -> "Succeeded";
            case "failed" -> "Failed";
            case "retrying" -> "Failed, trying again";
            default -> Links.capitalized(status);
        };
    }
}
