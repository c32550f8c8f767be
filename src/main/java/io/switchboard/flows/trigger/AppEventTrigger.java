package io.switchboard.flows.trigger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.agent.Trigger;
import io.switchboard.apps.JsonColumn;
import io.switchboard.apps.RecordChange;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.flows.Filters;
import io.switchboard.flows.Flow;
import io.switchboard.flows.FlowStatus;
import io.switchboard.flows.run.GroupCommit;
import io.switchboard.flows.run.RunQueue;

/**
 * Turns app record changes into queued runs of the flows waiting for them: in the record's own transaction on one
 * node ({@link RecordTransactionTrigger}), or from the broker's app-events queue in prod ({@link BrokerEventTrigger}).
 */
@ApplicationScoped
public class AppEventTrigger {
    private static final Logger LOG = Logger.getLogger(AppEventTrigger.class);

    @Inject
    RunQueue queue;
    @Inject
    GroupCommit commits;

    /**
     * Queues the runs of a change delivered by the broker, in a transaction of its own; a change delivered again
     * queues nothing twice.
     */
    public void onChange(RecordChange change) {
        String event = event(change);
        Map<String, Object> record = record(change);
        String triggerRecord = triggerRecord(change, event);
        List<String> runIds;
        try {
            // the common case: one transaction, shared with other changes waiting, reads the flows and queues runs
            runIds = commits.call(() -> queue.insertAll(waiting(change, event, record), triggerRecord));
        } catch (RuntimeException e) {
            // a change delivered again finds its keys taken (or the write failed): queue flow by flow
            enqueueEach(change, QuarkusTransaction.requiringNew().call(() -> waiting(change, event, record)),
                    triggerRecord);
            return;
        }
        queue.send(runIds);
    }

    /** Writes the change's runs in the caller's transaction and returns their ids, to send once it commits. */
    List<String> insertRuns(RecordChange change) {
        String event = event(change);
        return queue.insertAll(waiting(change, event, record(change)), triggerRecord(change, event));
    }

    /** The run key of each active flow of the app waiting for this change, by flow id. */
    private static Map<String, String> waiting(RecordChange change, String event, Map<String, Object> record) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Flow flow : Flow.<Flow> list("appId = ?1 and status = ?2", change.appId(), FlowStatus.active)) {
            Trigger trigger = flow.trigger();
            if (Trigger.ENTITY_EVENT.equals(trigger.type()) && change.entity().equals(trigger.entity())
                    && event.equals(trigger.event())
                    && Filters.matches(flow.sourceFilter(), record, actingUser(flow, change))) {
                keys.put(flow.id, key(flow.id, change, event));
            }
        }
        return keys;
    }

    private void enqueueEach(RecordChange change, Map<String, String> keyByFlowId, String triggerRecord) {
        RuntimeException failure = null;
        for (var flow : keyByFlowId.entrySet()) {
            try {
                queue.enqueue(flow.getKey(), flow.getValue(), triggerRecord);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not queue a run of flow %s for record %s", flow.getKey(), change.recordId());
                failure = e;
            }
        }
        // the message is then not acknowledged: the broker delivers it again (dead-lettered after a few tries), and
        // the runs already queued for it are not queued twice, their keys being taken
        if (failure != null) {
            throw failure;
        }
    }

    private static String event(RecordChange change) {
        return change.kind().name().toLowerCase(Locale.ROOT);
    }

    /** The changed values as a source filter reads them. */
    private static Map<String, Object> record(RecordChange change) {
        Map<String, Object> record = new LinkedHashMap<>(change.data() == null ? Map.of() : change.data());
        record.putIfAbsent(Filters.OWNER, change.user());
        return record;
    }

    /** A per-user flow acts as the record's owner; a shared one as the editor who wrote it. */
    private static String actingUser(Flow flow, RecordChange change) {
        return flow.mode() == ConnectionMode.PER_USER ? change.user() : flow.createdBy;
    }

    static String key(String flowId, RecordChange change, String event) {
        return flowId + ":event:" + change.recordId() + ":" + event + ":" + change.at();
    }

    private static String triggerRecord(RecordChange change, String event) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", change.recordId());
        record.put("entity", change.entity());
        record.put("event", event);
        record.put("data", change.data());
        record.put("createdBy", change.user());
        record.put("at", change.at().toString());
        return JsonColumn.write(record);
    }
}
