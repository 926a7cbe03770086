package com.nimbus.identity.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.account.AccountEventSequence;
import com.nimbus.identity.vocabulary.AccountEvent;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every {@link AccountEvent} in the table {@code account_event}, in the transaction of the change that
 * published it: an event is never lost (it commits with the change) and never sent for a change that rolled back
 * (it rolls back with it). The account's next {@code sequence} is taken here, under the account's row lock. Once the
 * transaction has committed, the feed's {@link FeedPositioner} is asked to give the event its place in the feed;
 * webhooks go out from there.
 */
@Component
class EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

    private final JdbcTemplate jdbc;
    private final AccountEventSequence sequences;
    private final FeedPositioner positioner;
    private final ObjectMapper json;

    EventOutbox(JdbcTemplate jdbc, AccountEventSequence sequences, FeedPositioner positioner, ObjectMapper json) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.positioner = positioner;
        this.json = json;
    }

    /** Refuses to record outside a transaction: an event recorded apart from its change could outlive a rollback. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AccountEvent event) {
        long sequence = sequences.next(event.accountId());
        String eventId = newEventId();
        jdbc.update("insert into account_event (event_id, type, account_id, application_id, sequence, occurred_at, body)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                eventId, event.type().wireName(), event.accountId(), event.applicationId(), sequence,
                event.occurredAt().atOffset(ZoneOffset.UTC), EventBody.of(event, sequence).toJson(json));
        log.debug("Event {} {} of account {} (sequence {}) recorded", eventId, event.type().wireName(),
                event.accountId(), sequence);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                positioner.wake();
            }
        });
    }

    /** The event's id, sent as {@code webhook-id}: the same on every attempt and for every subscription. */
    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
