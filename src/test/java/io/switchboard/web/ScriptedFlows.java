package io.switchboard.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.switchboard.apps.AppService;
import io.switchboard.apps.Role;

/**
 * Flows for the Flows page while the flows feature lives in another branch: fixed rows per app, and run, pause and
 * resume that change them. A disabled alternative: only {@link FlowsBrowserTest}'s profile selects it, so it never
 * stands in for the real implementation anywhere else.
 */
@Alternative
@ApplicationScoped
public class ScriptedFlows implements FlowsView {
    private final Map<String, List<Row>> apps = new ConcurrentHashMap<>();

    @Inject
    AppService appService;

    static final class Row {
        final String id = UUID.randomUUID().toString();
        final String name;
        final String sentence;
        final String connector;
        volatile String status;
        final String reason;
        final String connectionId;
        final List<RunRow> runs = new CopyOnWriteArrayList<>();

        Row(String name, String sentence, String connector, String status, String reason, String connectionId) {
            this.name = name;
            this.sentence = sentence;
            this.connector = connector;
            this.status = status;
            this.reason = reason;
            this.connectionId = connectionId;
        }
    }

    /** Three flows: one active with runs, one that needs its Gmail connection reconnected, one paused. */
    public void seed(String appId, String gmailConnectionId, Instant now) {
        Row daily = new Row("Daily to-do email", "Every day at 08:00 (Europe/Paris), email you your open todos with Gmail.",
                "gmail", "active", null, gmailConnectionId);
        daily.runs.add(new RunRow("r1", "failed", 3, now.minusSeconds(3600), now.minusSeconds(3500),
                "Gmail refused the message: the address \"<b>bob</b>@\" is not a valid recipient."));
        daily.runs.add(new RunRow("r2", "succeeded", 1, now.minusSeconds(90000), now.minusSeconds(89990), null));
        Row reconnect = new Row("New todo to Gmail", "When a Todo is created, email its title to the team with Gmail.",
                "gmail", "needs_reconnect", "Reconnect Gmail (editor@example.com): Google no longer accepts the saved sign-in.",
                gmailConnectionId);
        reconnect.runs.add(new RunRow("r3", "failed", 1, now.minusSeconds(600), now.minusSeconds(590),
                "Gmail said the sign-in was revoked, so the flow paused until it is reconnected."));
        Row weekly = new Row("Weekly report", "Every Monday at 09:00 (Europe/Paris), send the week's todos with Gmail.",
                "gmail", "paused", "Paused by editor.", gmailConnectionId);
        apps.put(appId, new CopyOnWriteArrayList<>(List.of(daily, reconnect, weekly)));
    }

    @Override
    public List<FlowRow> flows(String appId, String user) {
        boolean editor = appService.roleOf(appId, user) == Role.EDITOR;
        List<FlowRow> rows = new ArrayList<>();
        for (Row r : apps.getOrDefault(appId, List.of())) {
            rows.add(new FlowRow(r.id, r.name, r.sentence, r.connector, r.status,
                    "paused".equals(r.status) || "needs_reconnect".equals(r.status) ? r.reason : null, r.connectionId,
                    editor, List.copyOf(r.runs), null));
        }
        return rows;
    }

    @Override
    public String runNow(String appId, String flowId, String user) {
        Row row = changeable(appId, flowId, user);
        RunRow run = new RunRow(UUID.randomUUID().toString(), "queued", 0, Instant.now(), null, null);
        row.runs.add(0, run);
        return run.id();
    }

    @Override
    public void pause(String appId, String flowId, String user) {
        changeable(appId, flowId, user).status = "paused";
    }

    @Override
    public void resume(String appId, String flowId, String user) {
        changeable(appId, flowId, user).status = "active";
    }

    private Row changeable(String appId, String flowId, String user) {
        appService.requireEditor(appId, user);
        return apps.getOrDefault(appId, List.of()).stream().filter(r -> r.id.equals(flowId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No flow '" + flowId + "' in this app."));
    }
}
