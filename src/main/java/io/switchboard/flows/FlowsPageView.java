package io.switchboard.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.apps.AppService;
import io.switchboard.apps.Role;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;
import io.switchboard.connections.ConnectionAccess;
import io.switchboard.web.FlowsView;

/** The Flows page's view of flows (each named by the sentence it was written from) with their recent runs. */
@ApplicationScoped
public class FlowsPageView implements FlowsView {
    static final int RECENT_RUNS = 5;

    @Inject
    FlowService flows;
    @Inject
    AppService apps;
    @Inject
    Catalog catalog;
    @Inject
    ConnectionAccess connections;

    @Override
    public List<FlowRow> flows(String appId, String user) {
        boolean editor = apps.roleOf(appId, user) == Role.EDITOR;
        return flows.list(appId, user).stream().map(f -> flows.get(appId, f.id(), user)).map(f -> new FlowRow(f.id(),
                f.name(), f.name(), f.connector(), f.status().name(),
                f.status() == FlowStatus.active ? null : f.statusReason(),
                connections.connectionFor(appId, f.connector(), f.connectionMode(), user).orElse(null), editor,
                flows.runs(appId, f.id(), user).stream().limit(RECENT_RUNS)
                        .map(r -> new RunRow(r.id(), r.status().name().toLowerCase(Locale.ROOT), r.attempts(),
                                r.createdAt(), r.finishedAt(), r.error()))
                        .toList(),
                missing(f)))
                .toList();
    }

    @Override
    public String runNow(String appId, String flowId, String user) {
        return flows.runNow(appId, flowId, user);
    }

    @Override
    public void pause(String appId, String flowId, String user) {
        flows.pause(appId, flowId, user);
    }

    @Override
    public void resume(String appId, String flowId, String user) {
        flows.resume(appId, flowId, user);
    }

    /** "Skipped on each run: member has not connected Gmail; bob has to reconnect Gmail." */
    private String missing(FlowView.Detail flow) {
        if (flow.missingUsers() == null || flow.missingUsers().isEmpty()) {
            return null;
        }
        String tool = catalog.connector(flow.connector()).map(Connector::name).orElse(flow.connector());
        List<String> parts = new ArrayList<>();
        List<String> absent = users(flow, FlowView.MissingUser.NOT_CONNECTED);
        List<String> broken = users(flow, FlowView.MissingUser.NEEDS_RECONNECT);
        if (!absent.isEmpty()) {
            parts.add(String.join(", ", absent) + (absent.size() == 1 ? " has" : " have") + " not connected " + tool);
        }
        if (!broken.isEmpty()) {
            parts.add(String.join(", ", broken) + (broken.size() == 1 ? " has" : " have") + " to reconnect " + tool);
        }
        return "Skipped on each run: " + String.join("; ", parts) + ".";
    }

    private static List<String> users(FlowView.Detail flow, String reason) {
        return flow.missingUsers().stream().filter(m -> m.reason().equals(reason)).map(FlowView.MissingUser::user)
                .toList();
    }
}
