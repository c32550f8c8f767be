package io.switchboard.flows.run;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A node that works runs, as of its last heartbeat. */
@Entity
@Table(name = "run_nodes")
public class RunNode extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "seen_at")
    public Instant seenAt;
}
