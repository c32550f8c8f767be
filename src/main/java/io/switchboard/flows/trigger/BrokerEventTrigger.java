package io.switchboard.flows.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.apps.RecordChange;

/**
 * With several nodes, record changes reach the flows through the broker's app-events queue, so the work of queuing
 * their runs spreads over the nodes like the runs themselves.
 */
@ApplicationScoped
@IfBuildProperty(name = "switchboard.messaging.rabbitmq", stringValue = "true")
class BrokerEventTrigger {
    @Inject
    AppEventTrigger trigger;

    @Incoming(RecordChange.CHANNEL)
    @Blocking(value = RecordChange.CHANNEL, ordered = false)
    void onChange(RecordChange change) {
        trigger.onChange(change);
    }
}
