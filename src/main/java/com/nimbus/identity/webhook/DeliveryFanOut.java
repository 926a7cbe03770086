package com.nimbus.identity.webhook;

import com.nimbus.identity.event.EventsPositioned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates the deliveries of events as they get their place in the feed, in that same transaction: an event in the
 * feed always has its deliveries, and an event is fanned out once. Wakes the dispatcher once they have committed.
 */
@Component
class DeliveryFanOut {

    private final Deliveries deliveries;
    private final WebhookDispatcher dispatcher;

    DeliveryFanOut(Deliveries deliveries, WebhookDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void fanOut(EventsPositioned positioned) {
        if (deliveries.fanOut(positioned.events()) > 0) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
        }
    }
}
