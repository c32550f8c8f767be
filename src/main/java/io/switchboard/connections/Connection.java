package io.switchboard.connections;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A connected account. Tokens and extra provider values are vault ciphertexts, never plain text. */
@Entity
@Table(name = "connections")
public class Connection extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "app_id")
    public String appId;
    public String connector;
    @Enumerated(EnumType.STRING)
    public ConnectionMode mode;
    public String owner;
    public String account;
    /** Space-separated granted scopes. */
    public String scopes;
    @Enumerated(EnumType.STRING)
    public ConnectionStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "access_token")
    public String accessToken;
    @Column(name = "refresh_token")
    public String refreshToken;
    public String extra;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> scopeList() {
        return scopes == null || scopes.isBlank() ? List.of() : List.of(scopes.trim().split("\\s+"));
    }

    public static List<Connection> ofApp(String appId) {
        return list("appId = ?1 order by connector, mode, owner", appId);
    }

    public static Connection find(String appId, String connector, ConnectionMode mode, String owner) {
        return find("appId = ?1 and connector = ?2 and mode = ?3 and owner = ?4", appId, connector, mode, owner)
                .firstResult();
    }
}
