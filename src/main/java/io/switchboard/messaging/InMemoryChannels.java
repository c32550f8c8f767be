package io.switchboard.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import io.quarkus.arc.properties.IfBuildProperty;
import io.switchboard.flows.run.RunQueue;

/**
 * Joins the run queue's publishing side to its reading side inside this JVM, for the embedded default and the tests
 * (record changes need no channel there: their runs are queued in the record's own transaction). A channel cannot be
 * both the outgoing and the incoming end of a connector, so the two sides have different names; in prod
 * ({@code switchboard.messaging.rabbitmq=true} at build time) RabbitMQ joins them instead and this bean is left out
 * of the build.
 */
@ApplicationScoped
@IfBuildProperty(name = "switchboard.messaging.rabbitmq", stringValue = "false", enableIfMissing = true)
class InMemoryChannels {

    @Incoming(RunQueue.OUTGOING)
    @Outgoing(RunQueue.CHANNEL)
    String runs(String runId) {
        return runId;
    }
}
