package com.nimbus.identity.notification;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code notification_delivery}: which channel of which notification was delivered. Its unique
 * constraint on {@code (notification_key, channel)} makes a channel delivered at most once per notification.
 */
@Repository
public class NotificationDeliveries {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public NotificationDeliveries(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * The id of one channel of one notification, the same on every node and every attempt: the email's Message-ID and
     * the SMS's idempotency key, so that a job run again after a crash is recognised downstream.
     */
    public static String deliveryId(String notificationKey, Channel channel) {
        return UUID.nameUUIDFromBytes((notificationKey + "|" + channel.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    public boolean isDelivered(String notificationKey, Channel channel) {
        Integer count = jdbc.queryForObject(
                "select count(*) from notification_delivery where notification_key = ? and channel = ?",
                Integer.class, notificationKey, channel.name());
        return count != null && count > 0;
    }

    /** Records the delivery in the caller's transaction: it commits or rolls back with what was delivered. */
    void record(String notificationKey, Channel channel, NotificationEvent event, String accountId, String applicationId) {
        jdbc.update("insert into notification_delivery"
                        + " (id, notification_key, channel, event, account_id, application_id, delivered_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), notificationKey, channel.name(), event.name(), accountId, applicationId,
                clock.instant().atOffset(ZoneOffset.UTC));
    }

    /**
     * Records the delivery in a transaction of its own, committed before this returns: for a channel that left the
     * application (an email or SMS), so that the record stays even if the caller's transaction rolls back.
     */
    void recordCommitted(String notificationKey, Channel channel, NotificationEvent event, String accountId,
                         String applicationId) {
        ownTransaction.executeWithoutResult(status -> record(notificationKey, channel, event, accountId, applicationId));
    }
}
