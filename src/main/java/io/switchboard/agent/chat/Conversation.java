package io.switchboard.agent.chat;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.switchboard.connections.ConnectionMode;

/** One chat in the editor: where it stands and the plan it is working on. */
@Entity
@Table(name = "conversations")
public class Conversation extends PanacheEntityBase {
    public enum Stage {
        AWAITING_REQUEST,
        AWAITING_MODE,
        AWAITING_AUTHORIZATION,
        DONE
    }

    @Id
    public String id;
    @Column(name = "app_id")
    public String appId;
    @Column(name = "user_name")
    public String user;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    /** The ready plan being set up, as JSON. */
    public String plan;
    @Enumerated(EnumType.STRING)
    public ConnectionMode mode;
    @Column(name = "flow_id")
    public String flowId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
