package io.switchboard.connections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.actions.ProviderException;
import io.switchboard.apps.AppService;
import io.switchboard.apps.AppView;
import io.switchboard.apps.JsonColumn;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;
import io.switchboard.connections.oauth.OAuthService;
import io.switchboard.connections.oauth.OAuthState;
import io.switchboard.connections.oauth.ProviderDirectory;
import io.switchboard.connections.oauth.TokenClient;
import io.switchboard.connections.vault.TokenVault;
import io.switchboard.web.ApiException;

/** The one door to connections: connect, use, refresh, switch, reconnect and disconnect accounts. */
@ApplicationScoped
public class ConnectionService implements ConnectionAccess {
    private static final Logger LOG = Logger.getLogger(ConnectionService.class);
    /** Refresh this long before the provider's expiry, so a call never starts with a token about to die. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(2);

    private final Map<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

    @Inject
    Clock clock;
    @Inject
    TokenVault vault;
    @Inject
    TokenClient tokens;
    @Inject
    OAuthService oauth;
    @Inject
    ProviderDirectory providers;
    @Inject
    Catalog catalog;
    @Inject
    AppService apps;
    @Inject
    Event<ConnectionChanged> changes;
    @Inject
    Event<AuthorizationFinished> finished;

    // ---- connecting ----

    public String authorizeUrl(String appId, String user, String conversationId, String connector, ConnectionMode mode,
            List<String> scopes, String connectionId) {
        planRefusal(appId, connector).ifPresent(refusal -> {
            throw ApiException.forbidden(refusal);
        });
        List<String> granted = connectionId == null ? List.of() : grantedScopes(connectionId);
        return oauth.authorizeUrl(new OAuthService.AuthorizationRequest(appId, user, conversationId, connector, mode,
                scopes, connectionId, granted));
    }

    /** Why this app cannot connect {@code connector}, in a sentence naming the plan it needs; empty when it can. */
    public Optional<String> planRefusal(String appId, String connector) {
        AppView app = apps.find(appId);
        if (app.plan().allowsConnectors()) {
            return Optional.empty();
        }
        String plan = app.plan().id().substring(0, 1).toUpperCase(Locale.ROOT) + app.plan().id().substring(1);
        return Optional.of("Connectors need the Builder plan or higher; this app is on the " + plan
                + " plan. Upgrade it to Builder to connect " + catalog.connector(connector).map(Connector::name)
                        .orElse(connector) + ".");
    }

    /** Finishes the consent the person came back from; returns the app the browser goes back to. */
    public AuthorizationFinished complete(String code, String state, String error, String user) {
        OAuthState started = oauth.consume(state, user);
        if (error != null || code == null) {
            AuthorizationFinished denied = new AuthorizationFinished(started.appId, started.conversationId, user,
                    started.connector, started.mode, null, true);
            finished.fire(denied);
            return denied;
        }
        TokenClient.TokenSet granted;
        try {
            granted = tokens.exchange(started.connector, code, oauth.verifier(started));
        } catch (TokenClient.GrantRefused e) {
            throw ApiException.badRequest(provider(started.connector) + " did not accept this sign-in (" + e.getMessage()
                    + "), so nothing was connected; start the connection again.");
        }
        TokenClient.TokenSet identified = tokens.withIdentity(started.connector, granted);
        String connectionId = QuarkusTransaction.requiringNew().call(() -> store(started, identified));
        AuthorizationFinished done = new AuthorizationFinished(started.appId, started.conversationId, user,
                started.connector, started.mode, connectionId, false);
        finished.fire(done);
        return done;
    }

    private String store(OAuthState started, TokenClient.TokenSet granted) {
        String owner = started.mode == ConnectionMode.SHARED ? "app" : started.user;
        Connection connection = started.connectionId != null ? Connection.findById(started.connectionId)
                : Connection.find(started.appId, started.connector, started.mode, owner);
        Instant now = clock.instant();
        if (connection == null) {
            connection = new Connection();
            connection.id = UUID.randomUUID().toString();
            connection.appId = started.appId;
            connection.connector = started.connector;
            connection.mode = started.mode;
            connection.owner = owner;
            connection.createdAt = now;
        }
        Connector connector = providers.connector(started.connector);
        Set<String> scopes = new LinkedHashSet<>();
        if (connector.auth().incrementalConsent() && connection.scopes != null) {
            scopes.addAll(connection.scopeList());
        }
        scopes.addAll(granted.scopes() != null ? granted.scopes() : oauth.scopesToRequest(
                new OAuthService.AuthorizationRequest(started.appId, started.user, null, started.connector, started.mode,
                        List.of(started.scopes.split(" ")), null, List.of())));
        scopes.removeIf(String::isBlank);
        connection.account = granted.account();
        connection.scopes = String.join(" ", scopes);
        connection.status = ConnectionStatus.ACTIVE;
        connection.statusReason = null;
        connection.accessToken = vault.encrypt(granted.accessToken());
        connection.refreshToken = vault.encrypt(granted.refreshToken());
        connection.extra = vault.encrypt(JsonColumn.write(granted.extra()));
        connection.expiresAt = granted.expiresAt();
        if (granted.refreshToken() == null && granted.expiresAt() != null) {
            connection.statusReason = "The sign-in ends on " + day(granted.expiresAt()) + " and "
                    + provider(connection.connector) + " gives no way to renew it; reconnect before then.";
        }
        connection.updatedAt = now;
        connection.persist();
        for (String scope : scopes) {
            if (ScopeGrant.findById(new ScopeGrant.Key(connection.id, scope)) == null) {
                ScopeGrant grant = new ScopeGrant();
                grant.connectionId = connection.id;
                grant.scope = scope;
                grant.grantedAt = now;
                grant.persist();
            }
        }
        changes.fire(new ConnectionChanged(connection.appId, connection.id, connection.connector, connection.mode,
                connection.owner, ConnectionChanged.Status.ACTIVE, null));
        return connection.id;
    }

    // ---- using ----

    @Override
    @Transactional
    public Optional<String> connectionFor(String appId, String connector, ConnectionMode mode, String user) {
        Connection c = flowConnection(appId, connector, mode, user);
        return Optional.ofNullable(c).filter(x -> x.status != ConnectionStatus.REVOKED).map(x -> x.id);
    }

    @Override
    @Transactional
    public List<String> perUserOwners(String appId, String connector) {
        return Connection.<Connection> list("appId = ?1 and connector = ?2 and mode = ?3 and status = ?4 order by owner",
                appId, connector, ConnectionMode.PER_USER, ConnectionStatus.ACTIVE).stream().map(c -> c.owner).toList();
    }

    @Override
    public AccessGrant grant(String connectionId) {
        return usable(QuarkusTransaction.requiringNew().call(() -> load(connectionId)));
    }

    @Override
    public Optional<AccessGrant> grantFor(String appId, String connector, ConnectionMode mode, String user) {
        Connection c = QuarkusTransaction.requiringNew().call(() -> flowConnection(appId, connector, mode, user));
        if (c == null || c.status == ConnectionStatus.REVOKED) {
            return Optional.empty();
        }
        requireUsable(c);
        return Optional.of(usable(c));
    }

    @Override
    public Optional<AccessGrant> storedGrant(String appId, String connector, ConnectionMode mode, String user) {
        Connection c = QuarkusTransaction.joiningExisting().call(() -> flowConnection(appId, connector, mode, user));
        if (c == null || c.status == ConnectionStatus.REVOKED || needsRefresh(c)) {
            return Optional.empty();
        }
        requireUsable(c);
        return Optional.of(grantOf(c));
    }

    /** The connection a flow of this app acts through: the app's shared one, or {@code user}'s own. */
    private static Connection flowConnection(String appId, String connector, ConnectionMode mode, String user) {
        return Connection.find(appId, connector, mode, mode == ConnectionMode.SHARED ? "app" : user);
    }

    /** The connection's grant, refreshed first when its token is expired or about to expire. */
    private AccessGrant usable(Connection c) {
        return needsRefresh(c) ? refresh(c.id, c.accessToken) : grantOf(c);
    }

    private boolean needsRefresh(Connection c) {
        return c.expiresAt != null && clock.instant().plus(REFRESH_AHEAD).isAfter(c.expiresAt);
    }

    @Override
    public AccessGrant refreshAfterRejection(String connectionId, AccessGrant rejected) {
        Connection c = QuarkusTransaction.requiringNew().call(() -> load(connectionId));
        String current = vault.decrypt(c.accessToken);
        return refresh(connectionId, current.equals(rejected.accessToken()) ? c.accessToken : null);
    }

    /**
     * Single flight: one refresh per connection at a time in this JVM, and a row lock across nodes. Whoever waited
     * finds the token already replaced and uses it.
     */
    private AccessGrant refresh(String connectionId, String staleCiphertext) {
        ReentrantLock lock = refreshLocks.computeIfAbsent(connectionId, id -> new ReentrantLock());
        lock.lock();
        try {
            // a refused sign-in is recorded (committed) before the caller hears of it
            Object outcome = QuarkusTransaction.requiringNew().call(() -> {
                Connection c = Connection.findById(connectionId, LockModeType.PESSIMISTIC_WRITE);
                if (c == null || c.status != ConnectionStatus.ACTIVE) {
                    return new ReconnectRequiredException(connectionId, c == null ? "The connection was removed."
                            : c.statusReason);
                }
                boolean replacedMeanwhile = staleCiphertext == null || !staleCiphertext.equals(c.accessToken);
                if (replacedMeanwhile && (c.expiresAt == null || clock.instant().plus(REFRESH_AHEAD).isBefore(c.expiresAt))) {
                    return grantOf(c);
                }
                if (c.refreshToken == null) {
                    return markNeedsReauth(c, expiredWithoutRenewal(c));
                }
                TokenClient.TokenSet fresh;
                try {
                    fresh = tokens.refresh(c.connector, vault.decrypt(c.refreshToken));
                } catch (TokenClient.GrantRefused e) {
                    if (e.signInRevoked()) {
                        return markNeedsReauth(c, provider(c.connector) + " no longer accepts the saved sign-in");
                    }
                    // a silent or failing token endpoint is not a dead sign-in: the caller tries again later
                    return new ProviderException(502, provider(c.connector) + " did not renew the sign-in of "
                            + name(c) + " (" + c.account + ") just now (" + e.getMessage() + "); trying again later.",
                            null);
                }
                // the new access token, a rotated refresh token and what the reply says now, all in this transaction
                c.accessToken = vault.encrypt(fresh.accessToken());
                if (fresh.refreshToken() != null) {
                    c.refreshToken = vault.encrypt(fresh.refreshToken());
                }
                if (!fresh.extra().isEmpty()) {
                    Map<String, String> extra = new LinkedHashMap<>(extraOf(c));
                    extra.putAll(fresh.extra());
                    c.extra = vault.encrypt(JsonColumn.write(extra));
                }
                c.expiresAt = fresh.expiresAt();
                c.updatedAt = clock.instant();
                return grantOf(c);
            });
            if (outcome instanceof RuntimeException failed) {
                throw failed;
            }
            return (AccessGrant) outcome;
        } finally {
            lock.unlock();
        }
    }

    private ReconnectRequiredException markNeedsReauth(Connection c, String why) {
        c.status = ConnectionStatus.NEEDS_REAUTH;
        String message = "Reconnect " + name(c) + " (" + c.account + "): " + why;
        c.statusReason = message;
        c.updatedAt = clock.instant();
        LOG.infof("Connection %s needs to be reconnected", c.id);
        changes.fire(new ConnectionChanged(c.appId, c.id, c.connector, c.mode, c.owner,
                ConnectionChanged.Status.NEEDS_REAUTH, message));
        return new ReconnectRequiredException(c.id, message);
    }

    private Connection load(String connectionId) {
        Connection c = Connection.findById(connectionId);
        requireUsable(c);
        return c;
    }

    private static void requireUsable(Connection c) {
        if (c == null || c.status == ConnectionStatus.REVOKED) {
            throw new ReconnectRequiredException(c == null ? null : c.id, "The connection was removed; connect again.");
        }
        if (c.status == ConnectionStatus.NEEDS_REAUTH) {
            throw new ReconnectRequiredException(c.id, c.statusReason);
        }
    }

    private AccessGrant grantOf(Connection c) {
        String apiBaseUrl = providers.endpoints(c.connector).sandbox() ? providers.sandboxApiBase(c.connector) : null;
        return new AccessGrant(c.id, vault.decrypt(c.accessToken), apiBaseUrl, c.account, extraOf(c));
    }

    private Map<String, String> extraOf(Connection c) {
        return c.extra == null ? Map.of() : JsonColumn.read(vault.decrypt(c.extra), new TypeReference<Map<String, String>>() {
        });
    }

    // ---- expiring ----

    /**
     * Marks {@code needs_reauth} every active connection of {@code appId} (every app when null) whose sign-in has
     * ended with no way to renew it, each in its own transaction, so it never shows healthy past its end.
     */
    public void expireOverdue(String appId) {
        List<String> overdue = QuarkusTransaction.requiringNew().call(() -> Connection.<Connection> list(
                "status = ?1 and refreshToken is null and expiresAt <= ?2", ConnectionStatus.ACTIVE, clock.instant())
                .stream().filter(c -> appId == null || c.appId.equals(appId)).map(c -> c.id).toList());
        for (String id : overdue) {
            QuarkusTransaction.requiringNew().run(() -> {
                Connection c = Connection.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (c != null && c.status == ConnectionStatus.ACTIVE && c.refreshToken == null) {
                    markNeedsReauth(c, expiredWithoutRenewal(c));
                }
            });
        }
    }

    private String expiredWithoutRenewal(Connection c) {
        return "the sign-in ended" + (c.expiresAt == null ? "" : " on " + day(c.expiresAt)) + " and "
                + provider(c.connector) + " gives no way to renew it";
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(ZoneOffset.UTC));
    }

    @Override
    @Transactional
    public List<String> grantedScopes(String connectionId) {
        Connection c = Connection.findById(connectionId);
        return c == null ? List.of() : c.scopeList();
    }

    // ---- managing ----

    /** The app's connections, any whose sign-in has ended marked first. */
    public List<Connection> ofApp(String appId) {
        expireOverdue(appId);
        return QuarkusTransaction.requiringNew().call(() -> Connection.ofApp(appId));
    }

    @Transactional
    public Connection get(String appId, String connectionId) {
        Connection c = Connection.findById(connectionId);
        if (c == null || !c.appId.equals(appId)) {
            throw ApiException.notFound("No connection '" + connectionId + "' in this app.");
        }
        return c;
    }

    @Transactional
    public List<ScopeGrant> grants(String connectionId) {
        return ScopeGrant.of(connectionId);
    }

    /** Disconnects: revoked at the provider where it can be, tokens wiped, its flows told to pause. */
    public void disconnect(String appId, String connectionId) {
        Connection c = get(appId, connectionId);
        if (c.status != ConnectionStatus.REVOKED && c.accessToken != null) {
            String token = c.refreshToken != null ? vault.decrypt(c.refreshToken) : vault.decrypt(c.accessToken);
            tokens.revoke(c.connector, token);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Connection row = Connection.findById(connectionId);
            row.status = ConnectionStatus.REVOKED;
            row.statusReason = name(row) + " (" + row.account + ") was disconnected.";
            row.accessToken = null;
            row.refreshToken = null;
            row.extra = null;
            row.updatedAt = clock.instant();
            changes.fire(new ConnectionChanged(row.appId, row.id, row.connector, row.mode, row.owner,
                    ConnectionChanged.Status.REVOKED, row.statusReason));
        });
    }

    public List<String> missingScopes(String connectionId, List<String> needed) {
        List<String> have = grantedScopes(connectionId);
        List<String> missing = new ArrayList<>(needed);
        missing.removeAll(have);
        return missing;
    }

    private String name(Connection c) {
        return catalog.connector(c.connector).map(Connector::name).orElse(c.connector);
    }

    /** Whose sign-in it is: Google for Gmail and Drive alike. */
    private String provider(String connector) {
        return catalog.connector(connector).map(con -> con.auth().provider()).orElse(connector);
    }
}
