package io.switchboard.flows;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quartz.CronExpression;

import io.switchboard.agent.CronWords;
import io.switchboard.agent.Trigger;
import io.switchboard.apps.AppService;
import io.switchboard.apps.AppView;
import io.switchboard.apps.EntityDef;
import io.switchboard.apps.JsonColumn;
import io.switchboard.catalog.Action;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;
import io.switchboard.connections.ConnectionAccess;
import io.switchboard.connections.ConnectionChanged;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.connections.ConnectionUsage;
import io.switchboard.flows.run.FlowRun;
import io.switchboard.flows.run.RunQueue;
import io.switchboard.flows.run.RunView;
import io.switchboard.flows.trigger.FlowSchedules;
import io.switchboard.web.ApiException;

/** Flows of an app: written from approved plans, read by members, changed by editors, paused when access breaks. */
@ApplicationScoped
public class FlowService implements FlowCreation, ConnectionUsage {
    private static final Set<String> EVENTS = Set.of("created", "updated", "deleted");

    @Inject
    AppService apps;
    @Inject
    Catalog catalog;
    @Inject
    Clock clock;
    @Inject
    Event<FlowChanged> changes;
    @Inject
    RunQueue queue;
    @Inject
    FlowSchedules schedules;
    @Inject
    FlowsConfig config;
    @Inject
    ConnectionAccess connections;

    @Override
    @Transactional
    public List<FlowUse> flowsUsing(String appId, String connector, ConnectionMode mode, String owner) {
        return Flow.ofConnector(appId, connector).stream().filter(f -> f.mode() == mode)
                .map(f -> new FlowUse(f.id, f.name, catalog.action(f.action).map(Action::scopes).orElse(List.of())))
                .toList();
    }

    @Override
    @Transactional
    public String create(NewFlow request) {
        if (request == null) {
            throw ApiException.badRequest("Send the flow to create.");
        }
        AppView app = apps.find(request.appId());
        Connector connector = catalog.connector(request.connector()).orElseThrow(
                () -> ApiException.badRequest("Unknown connector '" + request.connector() + "'."));
        Action action = connector.action(request.action()).orElseThrow(() -> ApiException.badRequest("Connector '"
                + connector.id() + "' has no action '" + request.action() + "'."));
        Trigger trigger = checkedTrigger(request.trigger(), app);
        Spec spec = checked(app, action, trigger, request.sourceEntity() != null ? request.sourceEntity()
                : Trigger.ENTITY_EVENT.equals(trigger.type()) ? trigger.entity() : null, request.sourceFilter(),
                request.inputs());
        if (request.createdBy() == null || request.createdBy().isBlank()) {
            throw ApiException.badRequest("A flow needs the user who creates it.");
        }

        Flow flow = new Flow();
        flow.id = UUID.randomUUID().toString();
        flow.appId = app.id();
        flow.name = request.name() == null || request.name().isBlank() ? name(connector, action, trigger, spec.source())
                : checkedName(request.name());
        flow.connector = connector.id();
        flow.action = action.id();
        apply(flow, spec);
        flow.connectionMode = (request.mode() == null ? ConnectionMode.SHARED : request.mode()).id();
        flow.createdBy = request.createdBy();
        flow.status = request.waitingForApproval() ? FlowStatus.needs_approval : FlowStatus.active;
        flow.statusReason = request.waitingForApproval()
                ? "Waiting for you to approve the permissions " + action.name() + " needs."
                : null;
        flow.createdAt = clock.instant();
        flow.updatedAt = flow.createdAt;
        flow.persist();
        changes.fire(FlowChanged.of(flow, flow.updatedAt));
        return flow.id;
    }

    /** What an editor may change in a flow; a part left null stays as it is. */
    public record FlowEdit(String name, Trigger trigger, FlowView.Source source, Map<String, String> inputs) {
    }

    /**
     * Changes a flow, checked like a new one: on any mistake nothing changes. Its schedule is replaced once the change
     * commits, counting slots from now, so the old one never fires again and no slot is caught up.
     */
    @Transactional
    public void update(String appId, String flowId, FlowEdit edit, String user) {
        apps.requireEditor(appId, user);
        Flow flow = require(appId, flowId);
        if (edit == null || edit.name() == null && edit.trigger() == null && edit.source() == null
                && edit.inputs() == null) {
            throw ApiException.badRequest("Send what to change: any of name, trigger, source and inputs.");
        }
        AppView app = apps.find(appId);
        Connector connector = catalog.connector(flow.connector).orElseThrow(() -> ApiException.conflict(
                "The connector '" + flow.connector + "' is no longer in the catalog; this flow cannot be changed."));
        Action action = connector.action(flow.action).orElseThrow(() -> ApiException.conflict(
                "The action '" + flow.action + "' is no longer in the catalog; this flow cannot be changed."));
        Trigger trigger = edit.trigger() == null ? flow.trigger() : checkedTrigger(edit.trigger(), app);
        String source = edit.source() != null ? edit.source().entity()
                : edit.trigger() != null && Trigger.ENTITY_EVENT.equals(trigger.type()) ? trigger.entity()
                        : flow.sourceEntity;
        Map<String, String> filter = edit.source() != null ? edit.source().filter() : flow.sourceFilter();
        Spec spec = checked(app, action, trigger, source, filter, edit.inputs() == null ? flow.inputs() : edit.inputs());
        String name = edit.name() != null ? checkedName(edit.name())
                : flow.name.equals(name(connector, action, flow.trigger(), flow.sourceEntity))
                        ? name(connector, action, trigger, spec.source())
                        : flow.name;

        flow.name = name;
        apply(flow, spec);
        flow.updatedAt = clock.instant();
        changes.fire(FlowChanged.of(flow, flow.updatedAt));
    }

    /** A flow's trigger, source and inputs once checked against the app and the action. */
    private record Spec(Trigger trigger, String source, Map<String, String> filter, Map<String, String> inputs) {
    }

    private static Spec checked(AppView app, Action action, Trigger trigger, String source, Map<String, String> filter,
            Map<String, String> inputs) {
        Map<String, String> conditions = filter == null || filter.isEmpty() ? null : new LinkedHashMap<>(filter);
        if (source != null) {
            EntityDef entity = app.entity(source).orElseThrow(() -> ApiException.badRequest("App '" + app.name()
                    + "' has no entity '" + source + "'."));
            if (conditions != null) {
                conditions.forEach((field, value) -> {
                    if (!Filters.OWNER.equals(field) && entity.field(field).isEmpty()) {
                        throw ApiException.badRequest("The filter names field '" + field + "', which " + entity.name()
                                + " does not have; filter on one of its fields or on " + Filters.OWNER + ".");
                    }
                    if (value == null || value.isBlank()) {
                        throw ApiException.badRequest("The filter on '" + field + "' needs a value.");
                    }
                });
            }
        } else if (conditions != null) {
            throw ApiException.badRequest("A filter needs a source entity.");
        }
        Map<String, String> given = inputs == null ? Map.of() : new LinkedHashMap<>(inputs);
        given.keySet().stream().filter(name -> !action.inputNames().contains(name)).findFirst().ifPresent(name -> {
            throw ApiException.badRequest("'" + action.name() + "' has no input '" + name + "'; its inputs are: "
                    + String.join(", ", action.inputNames()) + ".");
        });
        given.forEach((name, template) -> {
            if (template == null) {
                throw ApiException.badRequest("Input '" + name + "' needs a value (a text or a template).");
            }
        });
        // the columns' sizes (V3__flows.sql)
        if (JsonColumn.write(given).length() > 100_000) {
            throw ApiException.badRequest("The inputs are too long: keep their templates under 100,000 characters.");
        }
        if (conditions != null && JsonColumn.write(conditions).length() > 4000) {
            throw ApiException.badRequest("The filter is too long: keep it under 4,000 characters.");
        }
        if (JsonColumn.write(trigger).length() > 2000) {
            throw ApiException.badRequest("The trigger is too long: keep it under 2,000 characters.");
        }
        return new Spec(trigger, source, conditions, given);
    }

    private static void apply(Flow flow, Spec spec) {
        flow.triggerJson = JsonColumn.write(spec.trigger());
        flow.sourceEntity = spec.source();
        flow.sourceFilterJson = spec.filter() == null ? null : JsonColumn.write(spec.filter());
        flow.inputsJson = JsonColumn.write(spec.inputs());
    }

    private static String checkedName(String name) {
        if (name.isBlank()) {
            throw ApiException.badRequest("A flow's name cannot be empty.");
        }
        String stripped = name.strip();
        return stripped.length() > 300 ? stripped.substring(0, 300) : stripped;
    }

    public List<FlowView> list(String appId, String user) {
        apps.roleOf(appId, user);
        return Flow.ofApp(appId).stream().map(FlowView::of).toList();
    }

    public FlowView.Detail get(String appId, String flowId, String user) {
        apps.roleOf(appId, user);
        Flow flow = require(appId, flowId);
        return FlowView.Detail.of(flow, schedules.nextFireTime(flow.id).orElse(null), missingUsers(flow));
    }

    /**
     * The app's people a per-user flow cannot act for: no connection of their own, or one that needs reconnecting.
     * Null for a shared flow, which acts as one account.
     */
    List<FlowView.MissingUser> missingUsers(Flow flow) {
        if (flow.mode() != ConnectionMode.PER_USER) {
            return null;
        }
        List<String> working = connections.perUserOwners(flow.appId, flow.connector);
        return apps.members(flow.appId).stream().map(m -> m.user).filter(u -> !working.contains(u))
                .map(u -> new FlowView.MissingUser(u, connections.connectionFor(flow.appId, flow.connector,
                        ConnectionMode.PER_USER, u).isPresent() ? FlowView.MissingUser.NEEDS_RECONNECT
                                : FlowView.MissingUser.NOT_CONNECTED))
                .toList();
    }

    @Transactional
    public FlowView.Detail pause(String appId, String flowId, String user) {
        apps.requireEditor(appId, user);
        Flow flow = require(appId, flowId);
        change(flow, FlowStatus.paused, "Paused by " + user + ".");
        return FlowView.Detail.of(flow, null, missingUsers(flow));
    }

    @Transactional
    public FlowView.Detail resume(String appId, String flowId, String user) {
        apps.requireEditor(appId, user);
        Flow flow = require(appId, flowId);
        if (flow.status == FlowStatus.needs_approval) {
            throw ApiException.conflict("This flow waits for new permissions: approve them in the chat, then it"
                    + " starts by itself.");
        }
        change(flow, FlowStatus.active, null);
        return FlowView.Detail.of(flow, null, missingUsers(flow));
    }

    @Transactional
    public void delete(String appId, String flowId, String user) {
        apps.requireEditor(appId, user);
        Flow flow = require(appId, flowId);
        flow.delete();
        changes.fire(FlowChanged.removed(flow.id));
    }

    /** Queues a run now; the caller gets its id at once and follows it in the run history. */
    public String runNow(String appId, String flowId, String user) {
        apps.requireEditor(appId, user);
        Flow flow = require(appId, flowId);
        if (flow.status != FlowStatus.active) {
            throw ApiException.conflict("This flow is " + flow.status.name().replace('_', ' ')
                    + (flow.statusReason == null ? "" : " (" + flow.statusReason + ")")
                    + "; it runs again once it is active.");
        }
        return queue.enqueue(flow.id, flow.id + ":manual:" + UUID.randomUUID(), null).orElseThrow(
                () -> ApiException.conflict("This flow stopped being active; resume it, then run it."));
    }

    public List<RunView> runs(String appId, String flowId, String user) {
        apps.roleOf(appId, user);
        Flow flow = require(appId, flowId);
        return FlowRun.newestOf(flow.id, config.history()).stream().map(RunView::of).toList();
    }

    /** The provider refused the saved sign-in: the flow waits until someone reconnects. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void needsReconnect(String flowId, String reason) {
        Flow flow = Flow.findById(flowId);
        if (flow != null && flow.status == FlowStatus.active) {
            change(flow, FlowStatus.needs_reconnect, reason);
        }
    }

    /**
     * A shared connection that breaks pauses the shared flows of its connector; a per-user one does not (its owner is
     * skipped and counted in each run). A connection that works again wakes the flows that waited for it.
     */
    @Transactional
    void onConnectionChanged(@Observes ConnectionChanged event) {
        for (Flow flow : Flow.ofConnector(event.appId(), event.connector())) {
            if (!flow.connectionMode.equals(event.mode().id())) {
                continue;
            }
            if (event.status() == ConnectionChanged.Status.ACTIVE) {
                boolean waiting = flow.status == FlowStatus.needs_reconnect || flow.status == FlowStatus.needs_approval;
                if (waiting && hasScopes(flow, event.connectionId())) {
                    change(flow, FlowStatus.active, null);
                }
            } else if (event.mode() == ConnectionMode.SHARED
                    && (flow.status == FlowStatus.active || flow.status == FlowStatus.needs_approval)) {
                change(flow, FlowStatus.needs_reconnect, event.reason() != null ? event.reason()
                        : "The " + catalog.connector(flow.connector).map(Connector::name).orElse(flow.connector)
                                + " connection needs to be reconnected.");
            }
        }
    }

    private boolean hasScopes(Flow flow, String connectionId) {
        List<String> needed = catalog.action(flow.action).map(Action::scopes).orElse(List.of());
        return connections.grantedScopes(connectionId).containsAll(needed);
    }

    private void change(Flow flow, FlowStatus status, String reason) {
        Instant now = clock.instant();
        flow.status = status;
        flow.statusReason = reason;
        flow.updatedAt = now;
        changes.fire(FlowChanged.of(flow, now));
    }

    private static Flow require(String appId, String flowId) {
        Flow flow = Flow.find(appId, flowId);
        if (flow == null) {
            throw ApiException.notFound("No flow with id '" + flowId + "' in this app.");
        }
        return flow;
    }

    private static Trigger checkedTrigger(Trigger trigger, AppView app) {
        if (trigger == null || trigger.type() == null) {
            return Trigger.manual();
        }
        return switch (trigger.type()) {
            case Trigger.SCHEDULE -> {
                if (trigger.cron() == null || !CronExpression.isValidExpression(trigger.cron())) {
                    throw ApiException.badRequest("'" + trigger.cron() + "' is not a Quartz cron expression (seconds"
                            + " first, such as 0 0 8 * * ?).");
                }
                String zone = trigger.timezone() == null || trigger.timezone().isBlank() ? app.timezone()
                        : trigger.timezone();
                try {
                    yield Trigger.schedule(trigger.cron().trim(), ZoneId.of(zone).getId());
                } catch (DateTimeException e) {
                    throw ApiException.badRequest("Unknown time zone '" + zone + "': use an IANA name such as"
                            + " Europe/Paris.");
                }
            }
            case Trigger.ENTITY_EVENT -> {
                if (trigger.entity() == null || app.entity(trigger.entity()).isEmpty()) {
                    throw ApiException.badRequest("App '" + app.name() + "' has no entity '" + trigger.entity() + "'.");
                }
                if (!EVENTS.contains(String.valueOf(trigger.event()))) {
                    throw ApiException.badRequest("The event must be created, updated or deleted.");
                }
                yield Trigger.entityEvent(trigger.entity(), trigger.event());
            }
            case Trigger.MANUAL -> Trigger.manual();
            default -> throw ApiException.badRequest("Trigger type '" + trigger.type()
                    + "' must be schedule, entity_event or manual.");
        };
    }

    /** "Send email with Gmail from Todo records every day at 08:00" */
    static String name(Connector connector, Action action, Trigger trigger, String source) {
        String what = action.name() + " with " + connector.name();
        String from = source == null || Trigger.ENTITY_EVENT.equals(trigger.type()) ? "" : " from " + source + " records";
        return checkedName(what + from + switch (trigger.type()) {
            case Trigger.SCHEDULE -> " " + CronWords.describe(trigger.cron());
            case Trigger.ENTITY_EVENT -> " when a " + trigger.entity() + " is " + trigger.event();
            default -> " when run by hand";
        });
    }
}
