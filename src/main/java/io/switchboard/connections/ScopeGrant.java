package io.switchboard.connections;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** When each scope of a connection was first granted. */
@Entity
@Table(name = "connection_scopes")
@IdClass(ScopeGrant.Key.class)
public class ScopeGrant extends PanacheEntityBase {
    @Id
    @Column(name = "connection_id")
    public String connectionId;
    @Id
    public String scope;
    @Column(name = "granted_at")
    public Instant grantedAt;

    public record Key(String connectionId, String scope) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static List<ScopeGrant> of(String connectionId) {
        return list("connectionId = ?1 order by scope", connectionId);
    }
}
