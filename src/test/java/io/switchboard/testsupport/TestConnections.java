package io.switchboard.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.Alternative;

import io.switchboard.connections.AccessGrant;
import io.switchboard.connections.ConnectionAccess;
import io.switchboard.connections.ConnectionService;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.connections.ReconnectRequiredException;

/**
 * Connections a flow or action test sets up by hand (a token the provider stub expects, a refresh that fails), in
 * front of the real {@link ConnectionService}: any connection it does not hold is the real one, so tests that connect
 * through the sandbox provider run on the real token lifecycle.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestConnections implements ConnectionAccess {

    record Connection(String appId, String connector, ConnectionMode mode, String owner, List<String> scopes) {
    }

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> grants = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> afterRefresh = new ConcurrentHashMap<>();
    private final Map<String, String> reconnect = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refreshes = new ConcurrentHashMap<>();

    @Inject
    ConnectionService real;

    /** Adds an active connection and returns its id; the grant's token is what the provider stub expects. */
    public String add(String appId, String connector, ConnectionMode mode, String owner, String token,
            Map<String, String> extra, List<String> scopes) {
        String id = UUID.randomUUID().toString();
        connections.put(id, new Connection(appId, connector, mode, owner, scopes));
        grants.put(id, new AccessGrant(id, token, null, owner + "@example.com", extra));
        refreshes.put(id, new AtomicInteger());
        return id;
    }

    public String addShared(String appId, String connector, String token) {
        return add(appId, connector, ConnectionMode.SHARED, "editor", token, Map.of(), List.of());
    }

    /** The token a refresh hands out next. */
    public void refreshGives(String connectionId, String token) {
        AccessGrant old = grants.get(connectionId);
        afterRefresh.put(connectionId, new AccessGrant(connectionId, token, null, old.account(), old.extra()));
    }

    /** From now on {@link #grant} refuses, as when the provider rejected the refresh token. */
    public void requireReconnect(String connectionId, String message) {
        reconnect.put(connectionId, message);
    }

    public int refreshes(String connectionId) {
        return refreshes.get(connectionId).get();
    }

    public void clear() {
        connections.clear();
        grants.clear();
        afterRefresh.clear();
        reconnect.clear();
        refreshes.clear();
    }

    @Override
    public Optional<String> connectionFor(String appId, String connector, ConnectionMode mode, String user) {
        return connections.entrySet().stream()
                .filter(e -> e.getValue().appId().equals(appId) && e.getValue().connector().equals(connector)
                        && e.getValue().mode() == mode
                        && (mode == ConnectionMode.SHARED || e.getValue().owner().equals(user)))
                .map(Map.Entry::getKey).findFirst().or(() -> real.connectionFor(appId, connector, mode, user));
    }

    @Override
    public List<String> perUserOwners(String appId, String connector) {
        return connections.values().stream().filter(c -> c.appId().equals(appId) && c.connector().equals(connector)
                && c.mode() == ConnectionMode.PER_USER).map(Connection::owner)
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), owners -> {
                    java.util.List<String> all = new java.util.ArrayList<>(owners);
                    all.addAll(real.perUserOwners(appId, connector));
                    return all;
                }));
    }

    @Override
    public AccessGrant grant(String connectionId) {
        if (!connections.containsKey(connectionId)) {
            return real.grant(connectionId);
        }
        if (reconnect.containsKey(connectionId)) {
            throw new ReconnectRequiredException(connectionId, reconnect.get(connectionId));
        }
        return grants.get(connectionId);
    }

    @Override
    public AccessGrant refreshAfterRejection(String connectionId, AccessGrant rejected) {
        if (!connections.containsKey(connectionId)) {
            return real.refreshAfterRejection(connectionId, rejected);
        }
        refreshes.get(connectionId).incrementAndGet();
        if (reconnect.containsKey(connectionId)) {
            throw new ReconnectRequiredException(connectionId, reconnect.get(connectionId));
        }
        AccessGrant next = afterRefresh.getOrDefault(connectionId, rejected);
        grants.put(connectionId, next);
        return next;
    }

    @Override
    public List<String> grantedScopes(String connectionId) {
        Connection connection = connections.get(connectionId);
        return connection == null ? real.grantedScopes(connectionId) : connection.scopes();
    }
}
