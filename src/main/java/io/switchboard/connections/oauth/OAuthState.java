package io.switchboard.connections.oauth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.switchboard.connections.ConnectionMode;

/**
 * An authorization in progress, kept server-side under the SHA-256 of its {@code state}: single use, short-lived,
 * bound to the app, the user, the conversation, the connector, the mode and the scopes.
 */
@Entity
@Table(name = "oauth_states")
public class OAuthState extends PanacheEntityBase {
    @Id
    @Column(name = "state_hash")
    public String stateHash;
    @Column(name = "app_id")
    public String appId;
    @Column(name = "user_name")
    public String user;
    @Column(name = "conversation_id")
    public String conversationId;
    public String connector;
    @Enumerated(EnumType.STRING)
    public ConnectionMode mode;
    public String scopes;
    @Column(name = "connection_id")
    public String connectionId;
    /** Vault ciphertext of the PKCE verifier. */
    @Column(name = "code_verifier")
    public String codeVerifier;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public boolean used;
}
