package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.recheck.EnterpriseRecheckService;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.StandardWebhooksVerifier;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.WebhookReceiver;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks delivered to real HTTP receivers on PostgreSQL, driven as the console's backend and reviewers drive the
 * product. The receivers verify every request from the Standard Webhooks description alone (WebhookReceiver).
 */
@IntegrationTest
class WebhookDeliveryIT {

    static final List<String> ALL_TYPES = List.of("application.submitted", "application.in_review",
            "application.photo_requested", "application.approved", "application.rejected", "application.withdrawn",
            "verification.changed", "verification.revoked");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;
    @Autowired EnterpriseRecheckService rechecks;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    ApiClient console;
    ApiClient operator;
    final List<WebhookReceiver> receivers = new ArrayList<>();
    final List<String> subscriptions = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void clients() {
        console = ApiClient.as(port, "console", "console");
        operator = ApiClient.as(port, "demo", "demo");
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> console.delete("/api/webhook-subscriptions/" + id));
        receivers.forEach(WebhookReceiver::close);
        ClockUtil.reset();
    }

    /** A receiver subscribed to {@code types}, trusting the secret the subscription answered. */
    private WebhookReceiver subscribe(List<String> types) {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        Response created = console.postJson("/api/webhook-subscriptions", """
                {"url": "%s", "events": [%s]}""".formatted(receiver.url(),
                String.join(", ", types.stream().map(t -> "\"" + t + "\"").toList())));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        subscriptions.add(created.json().get("id").asText());
        secrets.add(created.json().get("secret").asText());
        receiver.trust(created.json().get("secret").asText());
        return receiver;
    }

    private static List<String> types(List<WebhookReceiver.Request> requests) {
        return requests.stream().map(WebhookReceiver.Request::type).toList();
    }

    private static List<Long> sequences(List<WebhookReceiver.Request> requests) {
        return requests.stream().map(r -> r.json().at("/data/sequence").asLong()).sorted().toList();
    }

    @Test
    void eachEventTypeArrivesOncePerSubscriptionWithAValidSignature() {
        WebhookReceiver everything = subscribe(ALL_TYPES);
        WebhookReceiver outcomes = subscribe(List.of("application.approved", "verification.revoked"));

        String approvedAccount = fixtures.account().getId();
        String number = TestIdentities.cnResidentId();
        fixtures.approved(fixtures.submitIndividual(approvedAccount, number));

        String rejectedAccount = fixtures.account().getId();
        VerificationApplication rejected = fixtures.submitIndividual(rejectedAccount);
        fixtures.runJobs(rejected.getId());
        fixtures.reject(rejected.getId(), "[\"NAME_MISMATCH\",\"ADDRESS_MISMATCH\"]", "does not match");
        fixtures.runJobs(rejected.getId());

        String withdrawnAccount = fixtures.account().getId();
        VerificationApplication withdrawn = fixtures.submitIndividual(withdrawnAccount);
        applications.withdraw(withdrawnAccount, withdrawn.getId());
        fixtures.runJobs(withdrawn.getId());

        String revokedAccount = fixtures.account().getId();
        String registration = TestIdentities.unifiedSocialCreditCode();
        fixtures.approved(fixtures.submitEnterprise(revokedAccount, registration));
        jdbc.update("insert into enterprise_registry_entry (region, registration_number, name, registered_address, "
                + "status, updated_at) values ('CN', ?, 'Beijing Example Technology Co., Ltd.', "
                + "'8 Zhongguancun Street, Beijing', 'DISSOLVED', ?)", DocumentNumbers.normalise(registration),
                Timestamp.from(Instant.now()));
        EnterpriseRecheckService.Finding dissolved = rechecks.recheck(revokedAccount, revokedAccount).findings().get(0);
        assertThat(rechecks.revoke(dissolved.accountId(), dissolved.applicationId(), dissolved.finding())).isTrue();

        Map<String, List<String>> expected = Map.of(
                approvedAccount, List.of("application.submitted", "application.in_review", "application.approved",
                        "verification.changed"),
                rejectedAccount, List.of("application.submitted", "application.in_review", "application.rejected"),
                withdrawnAccount, List.of("application.submitted", "application.withdrawn"),
                revokedAccount, List.of("application.submitted", "application.in_review", "application.approved",
                        "verification.changed", "verification.revoked"));
        await().atMost(PATIENCE).untilAsserted(() -> expected.forEach((account, events) ->
                assertThat(types(everything.processedOf(account))).as(account).containsExactlyInAnyOrderElementsOf(events)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(types(outcomes.processedOf(approvedAccount))).containsExactly("application.approved");
            assertThat(types(outcomes.processedOf(revokedAccount)))
                    .containsExactlyInAnyOrder("application.approved", "verification.revoked");
        });

        for (String account : expected.keySet()) {
            List<WebhookReceiver.Request> requests = everything.requestsOf(account);
            assertThat(requests).as("once each, every signature valid").hasSize(expected.get(account).size())
                    .allMatch(WebhookReceiver.Request::verified)
                    .extracting(WebhookReceiver.Request::webhookId).doesNotHaveDuplicates();
            assertThat(sequences(requests)).as("numbered 1, 2, 3 ... per account")
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, requests.size()).boxed().toList());
            assertThat(requests).allSatisfy(r -> assertThat(r.body()).doesNotContain(number)
                    .doesNotContain(DocumentNumbers.normalise(registration)).doesNotContain("Wang Xiaoming")
                    .doesNotContain("Jianguo").doesNotContain("Beijing Example").doesNotContain("Zhongguancun"));
        }
        assertThat(outcomes.requests().stream().filter(r -> expected.containsKey(r.accountId())))
                .hasSize(3).allMatch(WebhookReceiver.Request::verified);

        JsonNode rejection = everything.processedOf(rejectedAccount).stream()
                .filter(r -> r.type().equals("application.rejected")).findFirst().orElseThrow().json();
        assertThat(rejection.at("/data/applicationId").asText()).isEqualTo(rejected.getId());
        assertThat(rejection.at("/data/status").asText()).isEqualTo("REJECTED");
        assertThat(rejection.at("/data/reasons")).extracting(r -> r.get("code").asText())
                .containsExactly("NAME_MISMATCH", "ADDRESS_MISMATCH");
        assertThat(rejection.at("/data/reasons/0/message").asText()).contains("name entered does not match");
        assertThat(Instant.parse(rejection.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
        JsonNode revocation = outcomes.processedOf(revokedAccount).stream()
                .filter(r -> r.type().equals("verification.revoked")).findFirst().orElseThrow().json();
        assertThat(revocation.at("/data/status").asText()).isEqualTo("UNVERIFIED");
        assertThat(revocation.at("/data/reasons/0/code").asText()).isEqualTo("ENTERPRISE_DISSOLVED");
        assertThat(revocation.at("/data").has("applicationId")).isFalse();
    }

    @Test
    void aReceiverDownForItsFirstThreeAttemptsGetsTheEventWhenBackAndCountsOneCopy() {
        WebhookReceiver receiver = subscribe(List.of("application.submitted"));
        // it stores the event and fails before answering, three times: the sender must try again, the receiver
        // must drop the repeats
        receiver.failNext(3, 503, true);
        String account = fixtures.account().getId();
        fixtures.submitIndividual(account);

        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            int seen = attempt;
            await().atMost(PATIENCE).until(() -> receiver.requestsOf(account).size() == seen
                    && delivery(account).get("ATTEMPTS").equals(seen));
            Map<String, Object> row = delivery(account);
            assertThat(row.get("STATUS")).isEqualTo("PENDING");
            Instant last = ((Timestamp) row.get("LAST_ATTEMPT_AT")).toInstant();
            Instant next = ((Timestamp) row.get("NEXT_ATTEMPT_AT")).toInstant();
            delays.add(Duration.between(last, next));
            moveClockTo(next);
        }
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(delivery(account).get("STATUS")));

        List<WebhookReceiver.Request> requests = receiver.requestsOf(account);
        assertThat(requests).extracting(WebhookReceiver.Request::answered).containsExactly(503, 503, 503, 204);
        assertThat(requests).allMatch(WebhookReceiver.Request::verified)
                .extracting(WebhookReceiver.Request::webhookId).containsOnly(requests.get(0).webhookId());
        assertThat(requests).extracting(WebhookReceiver.Request::body).containsOnly(requests.get(0).body());
        assertThat(receiver.processedOf(account)).hasSize(1);
        assertThat(delivery(account).get("ATTEMPTS")).isEqualTo(4);
        // backoff: 5 s, 20 s, 80 s, each give or take a fifth
        assertThat(delays.get(0)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
        assertThat(delays.get(1)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
        assertThat(delays.get(2)).isBetween(Duration.ofSeconds(64), Duration.ofSeconds(96));
    }

    @Test
    void aReceiverThatNeverAnswersHoldsUpNeitherTheDecisionNorTheOtherReceivers() {
        WebhookReceiver hanging = subscribe(ALL_TYPES).hang();
        WebhookReceiver healthy = subscribe(ALL_TYPES);
        String account = fixtures.account().getId();
        VerificationApplication application = fixtures.submitIndividual(account);
        await().atMost(PATIENCE).until(() -> hanging.held() >= 1);

        fixtures.runJobs(application.getId());
        long start = System.nanoTime();
        fixtures.approve(application.getId());
        Duration decision = Duration.ofNanos(System.nanoTime() - start);
        fixtures.runJobs(application.getId());

        // the decision is taken and committed while the hanging receiver still holds its first request, unanswered
        assertThat(accounts.findById(account).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(hanging.held()).isPositive();
        assertThat(hanging.processedOf(account)).isEmpty();
        // and the other receiver hears every event meanwhile
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(types(healthy.processedOf(account)))
                .containsExactlyInAnyOrder("application.submitted", "application.in_review", "application.approved",
                        "verification.changed"));
        assertThat(hanging.processedOf(account)).isEmpty();
        assertThat(hanging.held()).isPositive();
        System.out.printf("Approval with a receiver that never answers: %d ms%n", decision.toMillis());

        hanging.release();
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        WebhookReceiver receiver = subscribe(ALL_TYPES);
        String rolledBack = fixtures.account().getId();
        String committed = fixtures.account().getId();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            applications.submit(rolledBack, Fixtures.individualJson(TestIdentities.cnResidentId()), TestImages.documentPng());
            status.setRollbackOnly();
        });
        fixtures.submitIndividual(committed);

        await().atMost(PATIENCE).until(() -> receiver.processedOf(committed).size() == 1);
        assertThat(jdbc.queryForObject("select count(*) from account_event where account_id = ?", Integer.class,
                rolledBack)).isZero();
        assertThat(jdbc.queryForObject("select event_sequence from account where id = ?", Long.class, rolledBack)).isZero();
        assertThat(receiver.requestsOf(rolledBack)).isEmpty();
        // the event of the later, committed change has been sent; nothing of the rolled back one is left to send
        assertThat(console.get("/api/events?limit=1000").text()).doesNotContain(rolledBack);
    }

    @Test
    void aDeliveryFailingForADayIsFailedCountedListedForOperatorsAndRedelivered() {
        WebhookReceiver receiver = subscribe(List.of("application.submitted"));
        receiver.failNext(1000, 500, false);
        String account = fixtures.account().getId();
        fixtures.submitIndividual(account);

        for (int attempt = 1; attempt <= 15; attempt++) {
            int seen = attempt;
            await().atMost(PATIENCE).until(() -> delivery(account).get("ATTEMPTS").equals(seen));
            Map<String, Object> row = delivery(account);
            if ("FAILED".equals(row.get("STATUS"))) {
                break;
            }
            moveClockTo(((Timestamp) row.get("NEXT_ATTEMPT_AT")).toInstant());
        }
        Map<String, Object> failed = delivery(account);
        assertThat(failed.get("STATUS")).isEqualTo("FAILED");
        assertThat((Integer) failed.get("ATTEMPTS")).isBetween(9, 12);
        assertThat(Duration.between(((Timestamp) failed.get("FIRST_ATTEMPT_AT")).toInstant(),
                ((Timestamp) failed.get("LAST_ATTEMPT_AT")).toInstant())).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(receiver.requestsOf(account)).hasSize((Integer) failed.get("ATTEMPTS"));

        Response gauge = operator.get("/actuator/metrics/identity.webhooks.deliveries?tag=status:failed");
        assertThat(gauge.status()).isEqualTo(200);
        assertThat(gauge.json().at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
        Response counted = operator.get("/actuator/metrics/identity.webhooks.attempts?tag=outcome:failed");
        assertThat(counted.json().at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);

        Response listed = operator.get("/api/admin/webhook-deliveries?status=FAILED");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode item = null;
        for (JsonNode candidate : listed.json().get("items")) {
            if (candidate.get("accountId").asText().equals(account)) {
                item = candidate;
            }
        }
        assertThat(item).as("listed for operators").isNotNull();
        assertThat(item.get("lastAnswer").asText()).isEqualTo("HTTP 500");
        assertThat(item.get("url").asText()).isEqualTo(receiver.url());
        assertThat(item.get("type").asText()).isEqualTo("application.submitted");

        receiver.failNext(0, 500, false);
        Response redelivery = operator.post("/api/admin/webhook-deliveries/" + item.get("id").asText() + "/redelivery");
        assertThat(redelivery.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(delivery(account).get("STATUS")));
        assertThat(receiver.processedOf(account)).hasSize(1);
    }

    @Test
    void duringARotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() {
        WebhookReceiver receiver = subscribe(List.of("application.submitted"));
        String oldSecret = secrets.get(0);
        Response rotated = console.post("/api/webhook-subscriptions/" + subscriptions.get(0) + "/secret-rotation");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asText();
        receiver.distrustAll().trust(newSecret);

        String during = fixtures.account().getId();
        fixtures.submitIndividual(during);
        await().atMost(PATIENCE).until(() -> receiver.processedOf(during).size() == 1);
        WebhookReceiver.Request overlapping = receiver.requestsOf(during).get(0);
        assertThat(overlapping.signature().split(" ")).hasSize(2);
        assertThat(verifies(oldSecret, overlapping)).as("the old secret alone").isTrue();
        assertThat(verifies(newSecret, overlapping)).as("the new secret alone").isTrue();

        moveClockTo(Instant.parse(rotated.json().get("previousSecretExpiresAt").asText()).plusSeconds(1));
        String after = fixtures.account().getId();
        fixtures.submitIndividual(after);
        await().atMost(PATIENCE).until(() -> receiver.processedOf(after).size() == 1);
        WebhookReceiver.Request request = receiver.requestsOf(after).get(0);
        assertThat(request.signature().split(" ")).hasSize(1);
        assertThat(verifies(newSecret, request)).isTrue();
        assertThat(verifies(oldSecret, request)).as("the old secret no longer signs").isFalse();
    }

    private static boolean verifies(String secret, WebhookReceiver.Request request) {
        return StandardWebhooksVerifier.verify(List.of(secret), request.webhookId(), request.timestamp(), request.body(),
                request.signature(), ClockUtil.getCurrentTime().toInstant());
    }

    private Map<String, Object> delivery(String accountId) {
        return jdbc.queryForMap("select d.status, d.attempts, d.first_attempt_at, d.last_attempt_at, d.next_attempt_at "
                + "from webhook_delivery d join account_event e on e.id = d.event_id where e.account_id = ?", accountId);
    }

    /** Moves the engine's clock, which the product schedules by, to just after {@code instant}; time runs on. */
    private static void moveClockTo(Instant instant) {
        long offset = instant.toEpochMilli() + 200 - System.currentTimeMillis();
        ClockUtil.offset(Math.max(offset, ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()));
    }
}
