package io.switchboard.connections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Marks connections whose sign-in ended with no refresh token before anyone tries them, so their flows pause and
 * the list says whom to reconnect ahead of the next run.
 */
@ApplicationScoped
public class ExpirySweep {
    @Inject
    ConnectionService connections;

    @Scheduled(identity = "connection-expiry-sweep", every = "${switchboard.connections.expiry-sweep}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        connections.expireOverdue(null);
    }
}
