package io.switchboard.flows.trigger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.arc.properties.IfBuildProperty;
import io.switchboard.apps.RecordChange;
import io.switchboard.flows.run.RunQueue;

/**
 * On one node, a record change queues its flows' runs in the record's own transaction (an outbox): the change and
 * its runs are stored together or not at all, so a crash just after the commit loses no run, and the runs are sent
 * to the runner once the commit is done.
 */
@ApplicationScoped
@IfBuildProperty(name = "switchboard.messaging.rabbitmq", stringValue = "false", enableIfMissing = true)
class RecordTransactionTrigger {
    @Inject
    AppEventTrigger trigger;
    @Inject
    RunQueue queue;
    @Inject
    TransactionSynchronizationRegistry transaction;

    void inRecordTransaction(@Observes RecordChange change) {
        List<String> runIds = trigger.insertRuns(change);
        if (runIds.isEmpty()) {
            return;
        }
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    queue.send(runIds);
                }
            }
        });
    }
}
