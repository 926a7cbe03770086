package com.nimbus.identity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbus.identity.notification.sms.OutboxSmsGateway;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migrations on H2 (the embedded default's database, default mode), the SMS outbox and the delivery records,
 * with their transactions, without Spring's context. PostgreSQL is covered by NotificationDeliveryIT.
 */
class NotificationTablesH2Test {

    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private ListAppender<ILoggingEvent> outboxLog;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        outboxLog = new ListAppender<>();
        outboxLog.start();
        ((Logger) LoggerFactory.getLogger(OutboxSmsGateway.class)).addAppender(outboxLog);
    }

    @AfterEach
    void shutdown() {
        ((Logger) LoggerFactory.getLogger(OutboxSmsGateway.class)).detachAppender(outboxLog);
        jdbc.execute("shutdown");
    }

    @Test
    void theOutboxKeepsTheSmsAndLogsItWithThePhoneMasked() {
        new OutboxSmsGateway(jdbc, transactions, Clock.systemUTC()).send("+8613812345678", "【Nimbus Cloud】您的实名认证已通过。");

        List<Map<String, Object>> rows = jdbc.queryForList("select phone, body, created_at from sms_outbox");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("PHONE", "+8613812345678").containsEntry("BODY", "【Nimbus Cloud】您的实名认证已通过。");
        assertThat(rows.get(0).get("CREATED_AT")).isNotNull();
        assertThat(outboxLog.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("+86*******5678").contains("您的实名认证已通过").doesNotContain("13812345678"));
    }

    @Test
    void theSameSmsSentAgainAfterACrashIsKeptOnce() {
        OutboxSmsGateway outbox = new OutboxSmsGateway(jdbc, transactions, Clock.systemUTC());
        String key = NotificationDeliveries.deliveryId("pi-1:Activity_NotifyApproval", Channel.SMS);

        outbox.send("+6591234567", "[Nimbus Cloud] Approved.", key);
        outbox.send("+6591234567", "[Nimbus Cloud] Approved.", key);
        outbox.send("+6591234567", "[Nimbus Cloud] Approved.",
                NotificationDeliveries.deliveryId("pi-2:Activity_NotifyApproval", Channel.SMS));

        assertThat(jdbc.queryForList("select id from sms_outbox", String.class)).hasSize(2).contains(key);
    }

    @Test
    void anSmsInTheOutboxStaysWhenTheCallersTransactionRollsBack() {
        OutboxSmsGateway outbox = new OutboxSmsGateway(jdbc, transactions, Clock.systemUTC());

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            outbox.send("+6591234567", "[Nimbus Cloud] Approved.");
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from sms_outbox", Integer.class)).isEqualTo(1);
    }

    @Test
    void aChannelOfANotificationIsRecordedOnce() {
        NotificationDeliveries deliveries = new NotificationDeliveries(jdbc, transactions, Clock.systemUTC());
        deliveries.record("pi-1:Activity_NotifyRejection", Channel.EMAIL, NotificationEvent.APPLICATION_REJECTED, "acc-1", "app-1");
        deliveries.record("pi-1:Activity_NotifyRejection", Channel.SMS, NotificationEvent.APPLICATION_REJECTED, "acc-1", "app-1");

        assertThat(deliveries.isDelivered("pi-1:Activity_NotifyRejection", Channel.EMAIL)).isTrue();
        assertThat(deliveries.isDelivered("pi-1:Activity_NotifyRejection", Channel.MESSAGE_CENTER)).isFalse();
        assertThat(deliveries.isDelivered("pi-2:Activity_NotifyRejection", Channel.EMAIL)).isFalse();
        assertThatThrownBy(() -> deliveries.record("pi-1:Activity_NotifyRejection", Channel.EMAIL,
                NotificationEvent.APPLICATION_REJECTED, "acc-1", "app-1")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aDeliveryRecordedInTheCallersTransactionRollsBackWithItAndACommittedOneStays() {
        NotificationDeliveries deliveries = new NotificationDeliveries(jdbc, transactions, Clock.systemUTC());

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            deliveries.record("k", Channel.MESSAGE_CENTER, NotificationEvent.APPLICATION_APPROVED, "acc-1", "app-1");
            deliveries.recordCommitted("k", Channel.EMAIL, NotificationEvent.APPLICATION_APPROVED, "acc-1", "app-1");
            status.setRollbackOnly();
        });

        assertThat(deliveries.isDelivered("k", Channel.MESSAGE_CENTER)).isFalse();
        assertThat(deliveries.isDelivered("k", Channel.EMAIL)).isTrue();
    }

    @Test
    void onlyTheThreeChannelsAreAccepted() {
        assertThatThrownBy(() -> jdbc.update("insert into notification_delivery"
                + " (id, notification_key, channel, event, delivered_at) values ('x', 'k', 'FAX', 'APPLICATION_APPROVED', current_timestamp)"))
                .hasMessageContaining("NOTIFICATION_DELIVERY_CHANNEL_VALUES");
    }
}
