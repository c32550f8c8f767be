package io.switchboard.apps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Broadcast;

/**
 * Publishes a record change on the broker's app-events exchange once its transaction has committed, never before. On
 * one node there is no broker: the record's own transaction queues the runs (see the flows' RecordTransactionTrigger).
 */
@ApplicationScoped
@IfBuildProperty(name = "switchboard.messaging.rabbitmq", stringValue = "true")
class RecordChangePublisher {
    @Inject
    @Broadcast
    @Channel(RecordChange.OUTGOING)
    Emitter<RecordChange> events;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChange change) {
        events.send(change);
    }
}
