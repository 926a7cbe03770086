package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.event.FeedEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Deliveries on H2, the embedded default's database (default mode): fan-out by event type, the claim
 * ({@code for update skip locked}, the lease, the per-endpoint room), and the outcomes. PostgreSQL: WebhookDeliveryIT.
 */
class WebhookTablesH2Test {

    private static final Instant NOW = Instant.parse("2025-07-01T09:00:00Z");

    private JdbcTemplate jdbc;
    private Deliveries deliveries;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:webhooks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        deliveries = new Deliveries(jdbc, new DataSourceTransactionManager(dataSource), Clock.fixed(NOW, ZoneOffset.UTC));
        jdbc.update("insert into account (id, email, phone, registration_region, language, status, created_at, version) "
                + "values ('acc-1', 'h@example.com', '+8613800138000', 'CN', 'en', 'UNVERIFIED', ?, 0)", Timestamp.from(NOW));
        subscription("sub-all", "application.submitted,application.approved");
        subscription("sub-approved", "application.approved");
    }

    @AfterEach
    void shutdown() {
        jdbc.execute("shutdown");
    }

    private void subscription(String id, String types) {
        jdbc.update("insert into webhook_subscription (id, client, url, event_types, secret_enc, created_at) "
                + "values (?, 'console', 'http://localhost/hooks', ?, 'enc', ?)", id, types, Timestamp.from(NOW));
    }

    private FeedEvent event(long position, String type) {
        jdbc.update("insert into account_event (event_id, type, account_id, sequence, occurred_at, body, position) "
                + "values (?, ?, 'acc-1', ?, ?, '{}', ?)", "evt_" + position, type, position, Timestamp.from(NOW), position);
        long id = jdbc.queryForObject("select id from account_event where position = ?", Long.class, position);
        return new FeedEvent(id, "evt_" + position, type, position);
    }

    @Test
    void eachEventGetsOneDeliveryPerSubscriptionThatTakesItsType() {
        int created = deliveries.fanOut(List.of(event(1, "application.submitted"), event(2, "application.approved"),
                event(3, "verification.changed")));

        assertThat(created).isEqualTo(3);
        assertThat(jdbc.queryForList("select subscription_id || ':' || e.event_id from webhook_delivery d "
                + "join account_event e on e.id = d.event_id order by 1", String.class))
                .containsExactly("sub-all:evt_1", "sub-all:evt_2", "sub-approved:evt_2");
    }

    @Test
    void aClaimTakesDueDeliveriesWithinTheRoomOfEachEndpointAndLeasesThem() {
        deliveries.fanOut(List.of(event(1, "application.approved"), event(2, "application.approved"),
                event(3, "application.approved")));

        List<Deliveries.Claimed> claimed = deliveries.claim(10, Set.of("sub-approved"), Map.of("sub-all", 2), 2,
                Duration.ofMinutes(1));

        assertThat(claimed).hasSize(2).allSatisfy(c -> {
            assertThat(c.subscriptionId()).isEqualTo("sub-all");
            assertThat(c.url()).isEqualTo("http://localhost/hooks");
            assertThat(c.body()).isEqualTo("{}");
        });
        assertThat(deliveries.claim(10, Set.of("sub-approved"), Map.of(), 2, Duration.ofMinutes(1)))
                .as("the third of sub-all; the claimed ones are leased").hasSize(1);
        assertThat(deliveries.claim(10, Set.of(), Map.of(), 5, Duration.ofMinutes(1))).hasSize(3)
                .allMatch(c -> c.subscriptionId().equals("sub-approved"));
        assertThat(deliveries.claim(10, Set.of(), Map.of(), 5, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void anOutcomeIsRecordedOnlyUnderItsClaim() {
        deliveries.fanOut(List.of(event(1, "application.approved")));
        Deliveries.Claimed first = deliveries.claim(1, Set.of("sub-all"), Map.of(), 1, Duration.ofMinutes(1)).get(0);

        assertThat(deliveries.failed(first, NOW, "HTTP 503", NOW.plusSeconds(5))).isTrue();
        assertThat(deliveries.delivered(first, NOW, "HTTP 204")).as("the claim is spent").isFalse();
        assertThat(jdbc.queryForMap("select status, attempts, last_answer from webhook_delivery where id = ?", first.id()))
                .containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1).containsEntry("LAST_ANSWER", "HTTP 503");
        assertThat(deliveries.redeliver(first.id())).isTrue();
        assertThat(deliveries.failed(first, NOW, "HTTP 503", null)).as("redelivery ended the claim").isFalse();
        assertThat(deliveries.countWaiting()).containsEntry("PENDING", 2L).containsEntry("FAILED", 0L);
    }
}
