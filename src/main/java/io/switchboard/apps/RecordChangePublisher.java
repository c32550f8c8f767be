package io.switchboard.apps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.smallrye.reactive.messaging.annotations.Broadcast;

/** Publishes a record change on the app-events channel once its transaction has committed, never before. */
@ApplicationScoped
class RecordChangePublisher {
    @Inject
    @Broadcast
    @Channel(RecordChange.OUTGOING)
    Emitter<RecordChange> events;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChange change) {
        events.send(change);
    }
}
