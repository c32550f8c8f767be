package io.switchboard.flows.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.flows.FlowsConfig;

/**
 * This node's heartbeat, and the hand-over of runs held by nodes that stopped beating.
 *
 * <p>A queued or running run names the node that holds it. A node not seen for {@code dead-after} is taken for
 * crashed: the first node to see that takes its queued and running runs, marks them queued again and sends them on,
 * so a crash loses no run and only the runs it had in flight can reach the provider twice. A live node also takes
 * back the runs it holds as running but no longer works: their outcome could not be written (the database failed
 * just then), and nothing else would ever move them. The heartbeat runs on its own thread, not on Quartz: a
 * clustered Quartz would beat for one node only.
 */
@ApplicationScoped
public class RunNodes {
    private static final Logger LOG = Logger.getLogger(RunNodes.class);
    private static final List<RunStatus> HELD = List.of(RunStatus.queued, RunStatus.running);
    /** Runs taken over per beat, so one transaction stays short; the rest follow on the next beats. */
    private static final int BATCH = 500;

    private final String id = UUID.randomUUID().toString();
    /** Runs a worker of this node has taken up and not yet left. */
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService beats;

    @Inject
    Clock clock;
    @Inject
    FlowsConfig config;
    @Inject
    RunQueue queue;

    public String id() {
        return id;
    }

    /** Called by the runner before it claims a run; {@link #leave} once it is done with it, whatever happened. */
    void work(String runId) {
        working.add(runId);
    }

    void leave(String runId) {
        working.remove(runId);
    }

    // Before the run queue's own start-up work, so runs queued from then on name a node that exists.
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION - 10) StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::register);
        long every = config.nodes().heartbeat().toMillis();
        beats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "run-nodes");
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Run node %s started", id);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (beats != null) {
            beats.shutdownNow();
        }
    }

    void tick() {
        try {
            if (!QuarkusTransaction.requiringNew().call(this::beat)) {
                LOG.warnf("Run node %s missed its heartbeats for longer than %s and was taken for dead: runs it was"
                        + " working may have been run again by another node. Beating again.", id,
                        config.nodes().deadAfter());
                QuarkusTransaction.requiringNew().run(this::register);
            }
            List<String> taken = QuarkusTransaction.requiringNew().call(this::takeOrphans);
            if (!taken.isEmpty()) {
                LOG.infof("Took over %d run(s) from stopped nodes", taken.size());
            }
            taken.forEach(queue::dispatch);
            List<String> stalled = QuarkusTransaction.requiringNew().call(this::takeBackStalled);
            if (!stalled.isEmpty()) {
                LOG.warnf("Sending again %d run(s) left running without a worker", stalled.size());
            }
            stalled.forEach(queue::dispatch);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Run node %s could not beat", id);
        }
    }

    private void register() {
        RunNode node = new RunNode();
        node.id = id;
        node.seenAt = clock.instant();
        node.persist();
    }

    /** Whether this node's row was still there to beat in. */
    private boolean beat() {
        return RunNode.update("seenAt = ?1 where id = ?2", clock.instant(), id) == 1;
    }

    /** Forgets the nodes gone quiet and takes their runs; each run is taken by one node, however many look. */
    List<String> takeOrphans() {
        RunNode.delete("seenAt < ?1", clock.instant().minus(config.nodes().deadAfter()));
        List<String> orphans = FlowRun.getEntityManager().createQuery("select r.id from FlowRun r where r.status in ?1"
                + " and (r.nodeId is null or r.nodeId not in (select n.id from RunNode n))", String.class)
                .setParameter(1, HELD).setMaxResults(BATCH).getResultList();
        List<String> taken = new ArrayList<>();
        for (String runId : orphans) {
            // the same condition again: another node may have taken the run since the select
            if (FlowRun.update("status = ?1, nodeId = ?2 where id = ?3 and status in ?4"
                    + " and (nodeId is null or nodeId not in (select n.id from RunNode n))",
                    RunStatus.queued, id, runId, HELD) == 1) {
                taken.add(runId);
            }
        }
        return taken;
    }

    /**
     * Queues again the runs this node holds as running that no worker has. A run worked again since it was read has
     * more attempts, so it is left alone.
     */
    List<String> takeBackStalled() {
        List<Object[]> running = FlowRun.getEntityManager().createQuery("select r.id, r.attempts from FlowRun r"
                + " where r.status = ?1 and r.nodeId = ?2", Object[].class)
                .setParameter(1, RunStatus.running).setParameter(2, id).setMaxResults(BATCH).getResultList();
        List<String> stalled = new ArrayList<>();
        for (Object[] run : running) {
            String runId = (String) run[0];
            if (!working.contains(runId) && FlowRun.update("status = ?1 where id = ?2 and status = ?3 and nodeId = ?4"
                    + " and attempts = ?5", RunStatus.queued, runId, RunStatus.running, id, run[1]) == 1) {
                stalled.add(runId);
            }
        }
        return stalled;
    }
}
