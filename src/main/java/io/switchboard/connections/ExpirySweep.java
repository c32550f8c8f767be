package io.switchboard.connections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Marks connections whose sign-in ended with no refresh token before anyone tries them, so their flows pause and
 * the list says whom to reconnect ahead of the next run.
 *
 * <p>The first sweep comes one interval after start, not during it: until then listing an app's connections and
 * using one check the end of its sign-in themselves.
 */
@ApplicationScoped
public class ExpirySweep {
    @Inject
    ConnectionService connections;

    @Scheduled(identity = "connection-expiry-sweep", every = "${switchboard.connections.expiry-sweep}",
            delayed = "${switchboard.connections.expiry-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        connections.expireOverdue(null);
    }
}
