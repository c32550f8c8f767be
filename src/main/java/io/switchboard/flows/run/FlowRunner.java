package io.switchboard.flows.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.actions.ActionExecutor;
import io.switchboard.actions.ActionResult;
import io.switchboard.actions.ProviderException;
import io.switchboard.agent.Trigger;
import io.switchboard.apps.AppService;
import io.switchboard.apps.AppView;
import io.switchboard.apps.EntityDef;
import io.switchboard.apps.JsonColumn;
import io.switchboard.apps.RecordService;
import io.switchboard.catalog.Action;
import io.switchboard.catalog.Catalog;
import io.switchboard.connections.AccessGrant;
import io.switchboard.connections.ConnectionAccess;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.connections.ReconnectRequiredException;
import io.switchboard.flows.Filters;
import io.switchboard.flows.Flow;
import io.switchboard.flows.FlowService;
import io.switchboard.flows.FlowStatus;
import io.switchboard.flows.FlowsConfig;

/**
 * Works one run at a time: marks it running, calls the provider once per acting user, and leaves it succeeded,
 * failed (with the provider's words) or retrying (with the time of the next try).
 */
@ApplicationScoped
public class FlowRunner {
    private static final Logger LOG = Logger.getLogger(FlowRunner.class);

    @Inject
    Clock clock;
    @Inject
    FlowsConfig config;
    @Inject
    Catalog catalog;
    @Inject
    AppService apps;
    @Inject
    RecordService records;
    @Inject
    ConnectionAccess connections;
    @Inject
    ActionExecutor executor;
    @Inject
    RunInputs inputs;
    @Inject
    RunQueue queue;
    @Inject
    FlowService flows;
    @Inject
    RunNodes nodes;
    @Inject
    GroupCommit commits;

    private static final List<RunStatus> WAITING = List.of(RunStatus.queued, RunStatus.retrying);

    /** What a claimed run works from, read in one transaction; {@code shared} only for a flow on a shared connection. */
    record Work(Flow flow, FlowRun run, AppView app, EntityDef entity, List<Map<String, Object>> records,
            Map<String, Object> record, String recordOwner, String event, SharedGrant shared) {
    }

    /**
     * The shared connection's grant as the claim found it: the stored one, none (look again, refreshing, outside the
     * claim), or the reason it cannot be used.
     */
    record SharedGrant(Optional<AccessGrant> grant, ReconnectRequiredException unusable) {
        Optional<AccessGrant> get() {
            if (unusable != null) {
                throw unusable;
            }
            return grant;
        }
    }

    @Incoming(RunQueue.CHANNEL)
    @Blocking(value = RunQueue.CHANNEL, ordered = false)
    public void run(String runId) {
        nodes.work(runId);
        try {
            Work work = QuarkusTransaction.requiringNew().call(() -> claim(runId));
            if (work != null) {
                perform(work);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Run %s failed unexpectedly", runId);
            finish(runId, RunStatus.failed, "Something went wrong on our side: " + e.getMessage(), null, null, null, null);
        } finally {
            nodes.leave(runId);
        }
    }

    /** Takes the run if it is still waiting (one statement, so two nodes cannot both take it) and reads its work. */
    private Work claim(String runId) {
        Instant now = clock.instant();
        int claimed = FlowRun.update("status = ?1, attempts = attempts + 1, startedAt = coalesce(startedAt, ?2),"
                + " nextAttemptAt = null, nodeId = ?5 where id = ?3 and status in ?4", RunStatus.running, now, runId,
                WAITING, nodes.id());
        if (claimed == 0) {
            return null;
        }
        FlowRun run = FlowRun.findById(runId);
        Flow flow = Flow.findById(run.flowId);
        if (flow == null) {
            return null; // deleted meanwhile; its runs go with it
        }
        if (flow.status != FlowStatus.active) {
            FlowRun.update("status = ?1, error = ?2, finishedAt = ?3 where id = ?4", RunStatus.failed,
                    "Not run: the flow is " + flow.status.name().replace('_', ' ') + ".", now, runId);
            return null;
        }
        AppView app = apps.find(flow.appId);
        Trigger trigger = flow.trigger();
        Map<String, Object> change = run.triggerRecord == null ? null
                : JsonColumn.read(run.triggerRecord, new TypeReference<Map<String, Object>>() {
                });
        String entityName = change != null ? (String) change.get("entity") : flow.sourceEntity;
        EntityDef entity = entityName == null ? null : app.entity(entityName).orElse(null);
        List<Map<String, Object>> sourceRecords = new ArrayList<>();
        if (change == null && entity != null) {
            records.listForFlow(app.id(), entity.name())
                    .forEach(r -> sourceRecords.add(RunInputs.recordMap(entity, r.id(), r.data(), r.createdBy(),
                            inputs.link(app.id(), entity.name(), r.id()))));
        }
        Map<String, Object> record = null;
        String owner = null;
        if (change != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) change.get("data");
            owner = (String) change.get("createdBy");
            String id = (String) change.get("id");
            record = RunInputs.recordMap(entity, id, values, owner, inputs.link(app.id(), entityName, id));
        }
        return new Work(flow, run, app, entity, sourceRecords, record, owner,
                change == null ? trigger.event() : (String) change.get("event"),
                flow.mode() == ConnectionMode.SHARED ? sharedGrant(flow) : null);
    }

    private SharedGrant sharedGrant(Flow flow) {
        try {
            return new SharedGrant(connections.storedGrant(flow.appId, flow.connector, ConnectionMode.SHARED,
                    flow.createdBy), null);
        } catch (ReconnectRequiredException e) {
            return new SharedGrant(Optional.empty(), e);
        }
    }

    private void perform(Work work) {
        Flow flow = work.flow();
        FlowRun run = work.run();
        ConnectionAccess access = connections;
        Set<String> done = new LinkedHashSet<>(run.doneUsers());
        int skipped = 0;
        ActionResult last = null;
        try {
            Action action = catalog.action(flow.action).orElseThrow(() -> new IllegalArgumentException(
                    "The action '" + flow.action + "' is no longer in the catalog."));
            List<String> users;
            if (flow.mode() == ConnectionMode.SHARED) {
                users = List.of(flow.createdBy);
            } else {
                List<String> owners = access.perUserOwners(flow.appId, flow.connector);
                List<String> candidates = work.recordOwner() != null ? List.of(work.recordOwner())
                        : QuarkusTransaction.requiringNew().call(() -> apps.members(flow.appId)).stream().map(m -> m.user)
                                .toList();
                users = candidates.stream().filter(owners::contains).toList();
                skipped = candidates.size() - users.size();
            }
            for (String user : users) {
                if (done.contains(user)) {
                    continue;
                }
                try {
                    last = actFor(user, work, action, access);
                    done.add(user);
                    if (flow.mode() == ConnectionMode.PER_USER) {
                        saveProgress(run.id, done);
                    }
                } catch (ReconnectRequiredException e) {
                    if (flow.mode() == ConnectionMode.SHARED) {
                        throw e;
                    }
                    // One person's broken sign-in skips that person; everyone else still gets their run.
                    skipped++;
                }
            }
            if (done.isEmpty() && flow.mode() == ConnectionMode.PER_USER) {
                String tool = catalog.connector(flow.connector).map(c -> c.name()).orElse(flow.connector);
                finish(run.id, RunStatus.failed, work.recordOwner() != null
                        ? work.recordOwner() + " has no working " + tool + " connection, so nothing was sent."
                        : "Nobody in this app has a working " + tool + " connection yet; " + skipped
                                + " user(s) skipped.",
                        null, null, skipped, done);
                return;
            }
            finish(run.id, RunStatus.succeeded, null, last == null ? null : last.resultId(),
                    last == null ? null : last.resultLink(), skipped, done);
        } catch (ProviderException e) {
            if (e.retryable() && run.attempts < config.retry().maxAttempts()) {
                Instant next = clock.instant().plus(delay(config.retry(), e, run.attempts));
                retrying(run.id, e.getMessage(), next, skipped, done);
                queue.retryAt(run.id, next);
            } else {
                String error = e.retryable() ? "Gave up after " + run.attempts + " attempts: " + e.getMessage()
                        : e.getMessage();
                finish(run.id, RunStatus.failed, error, null, null, skipped, done);
            }
        } catch (ReconnectRequiredException e) {
            finish(run.id, RunStatus.failed, e.getMessage(), null, null, skipped, done);
            flows.needsReconnect(flow.id, e.getMessage());
        } catch (IllegalArgumentException e) {
            finish(run.id, RunStatus.failed, e.getMessage(), null, null, skipped, done);
        }
    }

    /** One provider call as {@code user}; a 401 refreshes the sign-in once and tries again. */
    private ActionResult actFor(String user, Work work, Action action, ConnectionAccess access) {
        Flow flow = work.flow();
        Optional<AccessGrant> stored = work.shared() != null ? work.shared().get() : Optional.empty();
        AccessGrant grant = stored.or(() -> access.grantFor(flow.appId, flow.connector, flow.mode(), user))
                .orElseThrow(() -> new ReconnectRequiredException(null, "No " + (flow.mode() == ConnectionMode.SHARED
                        ? "shared " : "") + catalog.connector(flow.connector).map(c -> c.name()).orElse(flow.connector)
                        + " connection is active for this app; connect one to run this flow."));
        String connectionId = grant.connectionId();
        // a per-user flow works on each user's own records; the source filter may narrow them further
        List<Map<String, Object>> mine = work.records().stream()
                .filter(r -> flow.mode() == ConnectionMode.SHARED || user.equals(r.get(Filters.OWNER)))
                .filter(r -> Filters.matches(flow.sourceFilter(), r, user)).toList();
        Map<String, Object> values = inputs.render(action, flow.inputs(), new RunInputs.Scope(work.app(), work.entity(),
                work.record() != null ? List.of(work.record()) : mine, work.record(), work.event(), user,
                email(user, grant)));
        try {
            return executor.execute(action, values, grant);
        } catch (ProviderException e) {
            if (!e.unauthorized()) {
                throw e;
            }
            AccessGrant refreshed = access.refreshAfterRejection(connectionId, grant);
            try {
                return executor.execute(action, values, refreshed);
            } catch (ProviderException again) {
                if (again.unauthorized()) {
                    throw new ReconnectRequiredException(connectionId,
                            "The provider refused the sign-in even after a refresh: " + again.getMessage());
                }
                throw again;
            }
        }
    }

    /** Retry-After when the provider gives one; otherwise exponential backoff with jitter, capped. */
    static Duration delay(FlowsConfig.Retry retry, ProviderException e, int attempts) {
        Optional<Duration> asked = e.retryAfter();
        if (asked.isPresent()) {
            return asked.get();
        }
        long initial = retry.initialBackoff().toMillis();
        long capped = Math.min(retry.maxBackoff().toMillis(), initial << Math.min(attempts - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static String email(String user, AccessGrant grant) {
        if (grant.account() != null && grant.account().contains("@")) {
            return grant.account();
        }
        return user.contains("@") ? user : user + "@example.com";
    }

    private void saveProgress(String runId, Set<String> done) {
        QuarkusTransaction.requiringNew().run(() -> FlowRun.update("doneUsersJson = ?1 where id = ?2",
                JsonColumn.write(done), runId));
    }

    private void retrying(String runId, String error, Instant next, int skipped, Set<String> done) {
        QuarkusTransaction.requiringNew().run(() -> {
            FlowRun run = FlowRun.findById(runId);
            if (run != null) {
                run.status = RunStatus.retrying;
                run.error = error;
                run.nextAttemptAt = next;
                run.skippedUsers = skipped;
                run.doneUsersJson = JsonColumn.write(done);
            }
        });
    }

    private void finish(String runId, RunStatus status, String error, String resultId, String resultLink, Integer skipped,
            Set<String> done) {
        String stored = error == null ? null : error.length() > 4000 ? error.substring(0, 4000) : error;
        commits.run(() -> FlowRun.update("status = ?1, error = ?2, resultId = ?3,"
                + " resultLink = ?4, finishedAt = ?5, nextAttemptAt = null, skippedUsers = coalesce(?6, skippedUsers),"
                + " doneUsersJson = coalesce(?7, doneUsersJson) where id = ?8", status, stored, resultId, resultLink,
                clock.instant(), skipped, done == null ? null : JsonColumn.write(done), runId));
    }
}
