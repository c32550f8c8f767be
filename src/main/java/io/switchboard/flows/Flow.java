package io.switchboard.flows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.switchboard.agent.Trigger;
import io.switchboard.apps.JsonColumn;
import io.switchboard.connections.ConnectionMode;

@Entity
@Table(name = "flows")
public class Flow extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "app_id")
    public String appId;
    public String name;
    public String connector;
    public String action;
    @Column(name = "trigger_spec")
    public String triggerJson;
    @Column(name = "source_entity")
    public String sourceEntity;
    @Column(name = "source_filter")
    public String sourceFilterJson;
    @Column(name = "inputs")
    public String inputsJson;
    @Column(name = "connection_mode")
    public String connectionMode;
    @Column(name = "created_by")
    public String createdBy;
    @Enumerated(EnumType.STRING)
    public FlowStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Trigger trigger() {
        return JsonColumn.read(triggerJson, new TypeReference<Trigger>() {
        });
    }

    public Map<String, String> inputs() {
        return JsonColumn.read(inputsJson, new TypeReference<Map<String, String>>() {
        });
    }

    public Map<String, String> sourceFilter() {
        if (sourceFilterJson == null) {
            return Map.of();
        }
        return JsonColumn.read(sourceFilterJson, new TypeReference<Map<String, String>>() {
        });
    }

    public ConnectionMode mode() {
        return ConnectionMode.of(connectionMode);
    }

    public boolean scheduled() {
        return status == FlowStatus.active && Trigger.SCHEDULE.equals(trigger().type());
    }

    public static List<Flow> ofApp(String appId) {
        return list("appId = ?1 order by createdAt, id", appId);
    }

    public static Flow find(String appId, String id) {
        return find("id = ?1 and appId = ?2", id, appId).firstResult();
    }

    public static List<Flow> ofConnector(String appId, String connector) {
        return list("appId = ?1 and connector = ?2", appId, connector);
    }

    public static List<Flow> active() {
        return list("status = ?1", FlowStatus.active);
    }
}
