package io.switchboard.flows;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.apps.AppService;
import io.switchboard.apps.Role;
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
    ConnectionAccess connections;

    @Override
    public List<FlowRow> flows(String appId, String user) {
        boolean editor = apps.roleOf(appId, user) == Role.EDITOR;
        return flows.list(appId, user).stream().map(f -> new FlowRow(f.id(), f.name(), f.name(), f.connector(),
                f.status().name(), reason(appId, f, user), connections.connectionFor(appId, f.connector(),
                        f.connectionMode(), user).orElse(null),
                editor, flows.runs(appId, f.id(), user).stream().limit(RECENT_RUNS)
                        .map(r -> new RunRow(r.id(), r.status().name().toLowerCase(java.util.Locale.ROOT), r.attempts(),
                                r.createdAt(), r.finishedAt(), r.error()))
                        .toList()))
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

    private String reason(String appId, FlowView flow, String user) {
        return flow.status() == FlowStatus.active ? null : flows.get(appId, flow.id(), user).statusReason();
    }
}
