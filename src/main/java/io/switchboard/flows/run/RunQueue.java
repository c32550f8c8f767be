package io.switchboard.flows.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.flows.Flow;
import io.switchboard.flows.FlowStatus;

/**
 * The door to the runner: a run is written as queued before its id is sent on {@link #OUTGOING}, and sent again for
 * each retry. The runner reads {@link #CHANNEL}; the two are joined in memory, or through RabbitMQ in prod.
 */
@ApplicationScoped
public class RunQueue {
    public static final String CHANNEL = "flow-runs";
    public static final String OUTGOING = "flow-runs-out";
    static final String RETRY_GROUP = "flow-run-retries";
    static final Duration RESEND_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(RunQueue.class);

    @Inject
    @Channel(OUTGOING)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> runs;
    @Inject
    Clock clock;
    @Inject
    Scheduler quartz;
    @Inject
    RunNodes nodes;
    @Inject
    ManagedExecutor executor;

    /**
     * Records a queued run of an active flow and hands it to the runner. A key seen before, or a flow that is not
     * active, changes nothing and gives no run.
     */
    public Optional<String> enqueue(String flowId, String idempotencyKey, String triggerRecord) {
        String runId;
        try {
            runId = QuarkusTransaction.requiringNew().call(() -> insert(flowId, idempotencyKey, triggerRecord));
        } catch (RuntimeException e) {
            // Two nodes (or two deliveries) can race past the lookup; the unique key lets only one in.
            if (QuarkusTransaction.requiringNew().call(() -> FlowRun.byKey(idempotencyKey)) != null) {
                return Optional.empty();
            }
            throw e;
        }
        if (runId != null) {
            dispatch(runId);
        }
        return Optional.ofNullable(runId);
    }

    private String insert(String flowId, String idempotencyKey, String triggerRecord) {
        Flow flow = Flow.findById(flowId);
        if (flow == null || flow.status != FlowStatus.active || FlowRun.byKey(idempotencyKey) != null) {
            return null;
        }
        FlowRun run = queued(flowId, idempotencyKey, triggerRecord);
        run.persistAndFlush();
        return run.id;
    }

    /**
     * Writes a queued run of each flow in the caller's transaction, for flows it has just read as active; returns
     * their ids for {@link #send} once the transaction commits. A key taken already fails the transaction: the caller
     * then queues them one by one with {@link #enqueue}, which skips taken keys.
     */
    public List<String> insertAll(Map<String, String> keyByFlowId, String triggerRecord) {
        List<String> runIds = new ArrayList<>();
        keyByFlowId.forEach((flowId, key) -> {
            FlowRun run = queued(flowId, key, triggerRecord);
            run.persist();
            runIds.add(run.id);
        });
        return runIds;
    }

    /** Hands runs written by {@link #insertAll} to the runner. */
    public void send(List<String> runIds) {
        runIds.forEach(this::dispatch);
    }

    private FlowRun queued(String flowId, String idempotencyKey, String triggerRecord) {
        FlowRun run = new FlowRun();
        run.id = UUID.randomUUID().toString();
        run.flowId = flowId;
        run.idempotencyKey = idempotencyKey;
        run.status = RunStatus.queued;
        run.createdAt = clock.instant();
        run.triggerRecord = triggerRecord;
        run.nodeId = nodes.id();
        return run;
    }

    /** Sends the run to the runner again at {@code at}, through Quartz so the wait survives a busy runner. */
    void retryAt(String runId, Instant at) {
        JobDetail job = JobBuilder.newJob(RetryJob.class).withIdentity(runId, RETRY_GROUP).usingJobData("runId", runId)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(runId, RETRY_GROUP).startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        try {
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            LOG.warnf(e, "Could not schedule the retry of run %s; sending it now", runId);
            dispatch(runId);
        }
    }

    /**
     * Sends the run to the runner. A send the broker refused (or never confirmed) is tried again through Quartz in a
     * few seconds; once a node is gone, {@link RunNodes} picks up what it had queued.
     */
    void dispatch(String runId) {
        runs.send(runId).whenComplete((sent, error) -> {
            if (error != null) {
                LOG.warnf("Run %s did not reach the runner (%s); sending it again shortly", runId, error.getMessage());
                retryAt(runId, clock.instant().plus(RESEND_AFTER));
            }
        });
    }

    /**
     * Retries waiting when the service stopped are set up again: the in-memory Quartz of the embedded default lost
     * them, and in prod setting one up again replaces it. Queued and running runs are {@link RunNodes}' business.
     * Off the start-up thread: a retry set up a moment later than the start fires just the same (late ones at once).
     */
    void recover(@Observes StartupEvent start) {
        executor.runAsync(() -> {
            for (FlowRun run : QuarkusTransaction.requiringNew().call(FlowRun::retrying)) {
                retryAt(run.id, run.nextAttemptAt);
            }
        }).exceptionally(e -> {
            LOG.error("Could not set up again the retries waiting when the service stopped", e);
            return null;
        });
    }
}
