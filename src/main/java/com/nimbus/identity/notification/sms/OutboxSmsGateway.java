package com.nimbus.identity.notification.sms;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMS gateway of the embedded default, used when no provider is configured: each SMS is kept in the table
 * {@code sms_outbox} and logged with the phone number masked. Like a provider, it accepts an SMS for good:
 * the row is committed in a transaction of its own, whatever happens to the caller's. Its id is the SMS's
 * idempotency key: the same SMS sent again (a job run again after a crash) is kept once.
 */
public class OutboxSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(OutboxSmsGateway.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public OutboxSmsGateway(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void send(String phone, String text, String idempotencyKey) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into sms_outbox (id, phone, body, created_at) values (?, ?, ?, ?)",
                    idempotencyKey, phone, text, clock.instant().atOffset(ZoneOffset.UTC)));
        } catch (org.springframework.dao.DuplicateKeyException sentBefore) {
            log.info("SMS {} to {} is in the outbox already: kept once", idempotencyKey, Phones.mask(phone));
            return;
        }
        log.info("SMS to {} kept in the outbox (no SMS provider configured): {}", Phones.mask(phone), text);
    }
}
