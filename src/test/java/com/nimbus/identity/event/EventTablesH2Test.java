package com.nimbus.identity.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.account.AccountEventSequence;
import com.nimbus.identity.vocabulary.AccountEvent;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event outbox and the feed on H2, the embedded default's database (default mode), without Spring's context:
 * the SQL of recording, numbering, placing and reading works there as on PostgreSQL (EventFeedIT).
 */
class EventTablesH2Test {

    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private EventOutbox outbox;
    private FeedPositioner positioner;
    private EventFeed feed;
    private final List<EventsPositioned> published = new ArrayList<>();

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        tx = new TransactionTemplate(transactions);
        positioner = new FeedPositioner(jdbc, transactions, event -> published.add((EventsPositioned) event),
                new EventFeedProperties(java.time.Duration.ofSeconds(1), 2));
        outbox = new EventOutbox(jdbc, new AccountEventSequence(jdbc), positioner, new ObjectMapper());
        feed = new EventFeed(jdbc);
        account("acc-1");
        account("acc-2");
    }

    @AfterEach
    void shutdown() {
        jdbc.execute("shutdown");
    }

    private void account(String id) {
        jdbc.update("insert into account (id, email, phone, registration_region, language, status, created_at, version) "
                + "values (?, 'h@example.com', '+8613800138000', 'CN', 'en', 'UNVERIFIED', ?, 0)", id,
                Timestamp.from(Instant.now()));
    }

    private void record(String accountId, AccountEvent.Type type, String status) {
        tx.executeWithoutResult(s -> outbox.record(new AccountEvent(type, accountId, "app-" + accountId, status,
                type == AccountEvent.Type.APPLICATION_REJECTED ? List.of(AccountEvent.Reason.of(ReasonCode.NAME_MISMATCH))
                        : List.of(), Instant.parse("2025-07-01T09:00:00.123456Z"))));
    }

    @Test
    void eventsAreNumberedPerAccountAndReadInTheOrderTheyWerePlaced() throws Exception {
        record("acc-1", AccountEvent.Type.APPLICATION_SUBMITTED, "SUBMITTED");
        record("acc-2", AccountEvent.Type.APPLICATION_SUBMITTED, "SUBMITTED");
        record("acc-1", AccountEvent.Type.APPLICATION_REJECTED, "REJECTED");

        assertThat(feed.read(null, null).bodies()).as("nothing is read before it has its place").isEmpty();
        assertThat(positioner.positionAll()).isEqualTo(3);

        EventFeed.Page first = feed.read("", "2");
        assertThat(first.next()).isEqualTo("2");
        EventFeed.Page rest = feed.read(first.next(), null);
        assertThat(rest.next()).isEqualTo("3");
        assertThat(feed.read(rest.next(), null).bodies()).isEmpty();
        assertThat(feed.read(rest.next(), null).next()).isEqualTo("3");

        ObjectMapper json = new ObjectMapper();
        List<String> all = new ArrayList<>(first.bodies());
        all.addAll(rest.bodies());
        assertThat(all).hasSize(3);
        assertThat(json.readTree(all.get(0)).at("/data/sequence").asLong()).isEqualTo(1);
        assertThat(json.readTree(all.get(1)).at("/data/accountId").asText()).isEqualTo("acc-2");
        assertThat(json.readTree(all.get(1)).at("/data/sequence").asLong()).isEqualTo(1);
        assertThat(all.get(2)).isEqualTo("{\"type\":\"application.rejected\",\"timestamp\":\"2025-07-01T09:00:00.123Z\","
                + "\"data\":{\"accountId\":\"acc-1\",\"applicationId\":\"app-acc-1\",\"status\":\"REJECTED\",\"reasons\":"
                + "[{\"code\":\"NAME_MISMATCH\",\"message\":\"The name entered does not match the name on the document.\"}],"
                + "\"sequence\":2}}");
        assertThat(published).flatExtracting(EventsPositioned::events).extracting(FeedEvent::position)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRolledBackChangeLeavesNoEventAndGivesItsNumberBack() {
        record("acc-1", AccountEvent.Type.APPLICATION_SUBMITTED, "SUBMITTED");
        tx.executeWithoutResult(status -> {
            outbox.record(new AccountEvent(AccountEvent.Type.APPLICATION_WITHDRAWN, "acc-1", "app-acc-1", "WITHDRAWN",
                    List.of(), Instant.now()));
            status.setRollbackOnly();
        });
        record("acc-1", AccountEvent.Type.APPLICATION_IN_REVIEW, "IN_REVIEW");
        positioner.positionAll();

        assertThat(jdbc.queryForList("select type from account_event order by position", String.class))
                .containsExactly("application.submitted", "application.in_review");
        assertThat(jdbc.queryForList("select sequence from account_event order by position", Long.class))
                .containsExactly(1L, 2L);
    }

    @Test
    void aBadCursorOrLimitIsRefusedWithTheField() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> feed.read("abc", "0"),
                com.nimbus.identity.vocabulary.ValidationFailed.class).errors())
                .extracting(com.nimbus.identity.vocabulary.FieldError::field).containsExactly("after", "limit");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> feed.read("1", "1001"),
                com.nimbus.identity.vocabulary.ValidationFailed.class).errors())
                .extracting(com.nimbus.identity.vocabulary.FieldError::field).containsExactly("limit");
    }
}
