package com.nimbus.identity.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Concurrently;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.vocabulary.AccountEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code GET /api/events} on PostgreSQL, as a receiver that was down reads it. */
@IntegrationTest
class EventFeedIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired EventFeed feed;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;

    ApiClient console;

    @BeforeEach
    void client() {
        console = ApiClient.as(port, "console", "console");
    }

    /** Reads the feed from {@code cursor} to its end through the API, {@code limit} at a time; returns the new cursor. */
    private String readToTheEnd(String cursor, int limit, List<JsonNode> into) {
        for (int page = 0; page < 10_000; page++) {
            Response response = console.get("/api/events?after=" + cursor + "&limit=" + limit);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            JsonNode items = response.json().get("items");
            String next = response.json().get("next").asText();
            if (items.isEmpty()) {
                assertThat(next).isEqualTo(cursor);
                return cursor;
            }
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            items.forEach(into::add);
            cursor = next;
        }
        throw new IllegalStateException("the feed does not end");
    }

    private static List<JsonNode> of(List<JsonNode> events, String accountId) {
        return events.stream().filter(e -> e.at("/data/accountId").asText().equals(accountId)).toList();
    }

    @Test
    void aReceiverBackFromAnOutageReadsEverythingItMissedInOrder() {
        String cursor = readToTheEnd("", 1000, new ArrayList<>());

        // the outage: three accounts go through their applications meanwhile
        String approved = fixtures.account().getId();
        fixtures.verifiedIndividual(approved);
        String rejected = fixtures.account().getId();
        VerificationApplication application = fixtures.submitIndividual(rejected);
        fixtures.runJobs(application.getId());
        fixtures.reject(application.getId(), "[\"DOCUMENT_EXPIRED\"]", null);
        fixtures.runJobs(application.getId());
        String pending = fixtures.account().getId();
        fixtures.submitIndividual(pending);

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(approved, List.of("application.submitted", "application.in_review", "application.approved",
                "verification.changed"));
        expected.put(rejected, List.of("application.submitted", "application.in_review", "application.rejected"));
        expected.put(pending, List.of("application.submitted"));
        List<JsonNode> missed = new ArrayList<>();
        String[] end = {cursor};
        await().atMost(PATIENCE).untilAsserted(() -> {
            end[0] = readToTheEnd(end[0], 2, missed);
            expected.forEach((account, types) -> assertThat(of(missed, account)).hasSameSizeAs(types));
        });

        expected.forEach((account, types) -> {
            List<JsonNode> events = of(missed, account);
            assertThat(events).extracting(e -> e.get("type").asText()).as("in the order they happened")
                    .containsExactlyElementsOf(types);
            assertThat(events).extracting(e -> e.at("/data/sequence").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, types.size()).boxed().toList());
        });
        assertThat(of(missed, rejected).get(2).at("/data/reasons/0/code").asText()).isEqualTo("DOCUMENT_EXPIRED");
        // the same bodies webhooks carry, byte for byte
        List<String> stored = jdbc.queryForList("select body from account_event where account_id = ? order by sequence",
                String.class, approved);
        assertThat(of(missed, approved)).extracting(JsonNode::toString).containsExactlyElementsOf(stored);
        assertThat(readToTheEnd(end[0], 10, new ArrayList<>())).isEqualTo(end[0]);
    }

    @Test
    void writersCommittingOutOfOrderNeverLeaveAReaderBehind() throws Exception {
        int writers = 8;
        int eventsEach = 25;
        int total = writers * eventsEach;
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            accounts.add(fixtures.account().getId());
        }
        Set<String> ours = Set.copyOf(accounts);
        String start = readFeedFrom("", new ArrayList<>());

        // a reader polls the feed all along, only ever moving its cursor forward, until it has read every event of
        // the writers (or gives up: an event it skipped would never come again)
        ExecutorService readerThread = Executors.newSingleThreadExecutor();
        Future<List<String>> reader = readerThread.submit(() -> {
            List<String> read = new ArrayList<>();
            String cursor = start;
            long giveUp = System.nanoTime() + PATIENCE.toNanos();
            while (read.size() < total && System.nanoTime() < giveUp) {
                EventFeed.Page page = feed.read(cursor, "50");
                page.bodies().stream().map(EventFeedIT::json)
                        .filter(e -> ours.contains(e.at("/data/accountId").asText()))
                        .forEach(e -> read.add(e.at("/data/accountId").asText() + "#" + e.at("/data/sequence").asLong()));
                cursor = page.next();
                if (page.bodies().isEmpty()) {
                    sleep(5);
                }
            }
            return read;
        });
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Callable<Integer>> writing = new ArrayList<>();
        for (String account : accounts) {
            writing.add(() -> {
                for (int n = 0; n < eventsEach; n++) {
                    tx.executeWithoutResult(status -> {
                        publisher.publishEvent(new AccountEvent(AccountEvent.Type.APPLICATION_SUBMITTED, account, null,
                                "SUBMITTED", List.of(), Instant.now()));
                        // hold the transaction open a while after its event has its id: commits come out of id order
                        sleep(ThreadLocalRandom.current().nextInt(0, 15));
                    });
                }
                return eventsEach;
            });
        }
        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(writing);
        List<String> read = reader.get(3, TimeUnit.MINUTES);
        readerThread.shutdown();

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(read).as("every event read, once").hasSize(total).doesNotHaveDuplicates();
        // the scenario the positions are for did happen: events committed in another order than their ids were taken
        List<Long> idsInFeedOrder = jdbc.queryForList("select id from account_event where account_id in ("
                + String.join(",", accounts.stream().map(a -> "?").toList()) + ") order by position", Long.class,
                accounts.toArray());
        assertThat(idsInFeedOrder).as("ids out of feed order").isNotEqualTo(idsInFeedOrder.stream().sorted().toList());
        for (String account : accounts) {
            assertThat(read.stream().filter(r -> r.startsWith(account + "#")).map(r -> Long.parseLong(r.split("#")[1])))
                    .as("the events of one account in their order").containsExactlyElementsOf(
                            LongStream.rangeClosed(1, eventsEach).boxed().toList());
        }
    }

    @Test
    void anEventIsRecordedOnlyInsideTheTransactionOfItsChange() {
        String account = fixtures.account().getId();
        assertThatThrownBy(() -> publisher.publishEvent(new AccountEvent(AccountEvent.Type.APPLICATION_SUBMITTED,
                account, null, "SUBMITTED", List.of(), Instant.now())))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("select count(*) from account_event where account_id = ?", Integer.class, account))
                .isZero();
    }

    @Test
    void aCursorOrLimitTheFeedDidNotGiveIsRefused() {
        Response cursor = console.get("/api/events?after=abc");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.contentType()).startsWith("application/problem+json");
        assertThat(cursor.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(cursor.json().at("/errors/0/field").asText()).isEqualTo("after");
        Response limit = console.get("/api/events?limit=5000");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().at("/errors/0/field").asText()).isEqualTo("limit");
        assertThat(ApiClient.anonymous(port).get("/api/events").status()).isEqualTo(401);
    }

    private String readFeedFrom(String cursor, List<JsonNode> into) {
        EventFeed.Page page;
        do {
            page = feed.read(cursor, "500");
            for (String body : page.bodies()) {
                into.add(json(body));
            }
            cursor = page.next();
        } while (!page.bodies().isEmpty());
        return cursor;
    }

    private static JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
