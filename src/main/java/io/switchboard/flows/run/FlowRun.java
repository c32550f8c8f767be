package io.switchboard.flows.run;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.switchboard.apps.JsonColumn;

@Entity
@Table(name = "flow_runs")
public class FlowRun extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "flow_id")
    public String flowId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    public int attempts;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    public String error;
    @Column(name = "result_id")
    public String resultId;
    @Column(name = "result_link")
    public String resultLink;
    @Column(name = "skipped_users")
    public int skippedUsers;
    /** The record change that triggered the run, kept so a deleted record can still be reported. */
    @Column(name = "trigger_record")
    public String triggerRecord;
    /** Users a per-user run has already acted for, so a retry does not act for them twice. */
    @Column(name = "done_users")
    public String doneUsersJson;
    /** The node that queued or is working the run, while it is queued or running; see {@link RunNodes}. */
    @Column(name = "node_id")
    public String nodeId;

    public Set<String> doneUsers() {
        return doneUsersJson == null ? Set.of() : JsonColumn.read(doneUsersJson, new TypeReference<Set<String>>() {
        });
    }

    public static FlowRun byKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResult();
    }

    public static List<FlowRun> newestOf(String flowId, int limit) {
        return find("flowId = ?1 order by createdAt desc, id desc", flowId).page(0, limit).list();
    }

    public static List<FlowRun> retrying() {
        return list("status = ?1 and nextAttemptAt is not null", RunStatus.retrying);
    }
}
