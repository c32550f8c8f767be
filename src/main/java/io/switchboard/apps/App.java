package io.switchboard.apps;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "apps")
public class App extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Plan plan;
    public String timezone;
    @Column(name = "entities")
    public String entitiesJson;
    @Column(name = "pages")
    public String pagesJson;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public AppView view() {
        return new AppView(id, name, plan, timezone, JsonColumn.read(entitiesJson, new TypeReference<List<EntityDef>>() {
        }), JsonColumn.read(pagesJson, new TypeReference<List<String>>() {
        }), createdBy, createdAt);
    }
}
