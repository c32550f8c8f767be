package io.switchboard.apps;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "app_records")
public class AppRecord extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "app_id")
    public String appId;
    public String entity;
    public String data;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<AppRecord> ofEntity(String appId, String entity) {
        return list("appId = ?1 and entity = ?2 order by createdAt, id", appId, entity);
    }

    public static AppRecord find(String appId, String entity, String id) {
        return find("id = ?1 and appId = ?2 and entity = ?3", id, appId, entity).firstResult();
    }
}
