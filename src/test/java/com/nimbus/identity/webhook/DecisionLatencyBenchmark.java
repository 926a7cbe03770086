package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.WebhookReceiver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Benchmark, not a test: how long a reviewer's approval takes (completing the review task: the approval, the account
 * verified, its events recorded, committed), first with no webhook subscription, then with a subscription to a
 * receiver that accepts connections and never answers, subscribed to every event, then without it again (so that
 * warming up does not pass for a difference). Prints the median and the 95th percentile of
 * {@code benchmark.decisions} (default 40) approvals each, on this JVM's PostgreSQL database.
 * <p>
 * Skipped unless {@code -Dbenchmark=true}:
 * {@code ./mvnw -B test -Dtest=DecisionLatencyBenchmark -Dbenchmark=true}
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@IntegrationTest
class DecisionLatencyBenchmark {

    private static final int DECISIONS = Integer.getInteger("benchmark.decisions", 40);

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired AccountRepository accounts;

    @Test
    void approvalsWithAndWithoutAReceiverThatNeverAnswers() {
        measure(20); // warm-up
        List<Long> without = measure(DECISIONS);

        ApiClient console = ApiClient.as(port, "console", "console");
        try (WebhookReceiver hanging = WebhookReceiver.start().hang()) {
            Response created = console.postJson("/api/webhook-subscriptions", """
                    {"url": "%s", "events": %s}""".formatted(hanging.url(), WebhookDeliveryIT.ALL_TYPES.stream()
                    .map(t -> "\"" + t + "\"").toList()));
            assertThat(created.status()).isEqualTo(201);
            List<Long> with = measure(DECISIONS);
            int held = hanging.held();
            console.delete("/api/webhook-subscriptions/" + created.json().get("id").asText());
            List<Long> withoutAgain = measure(DECISIONS);

            System.out.printf("%nDecision latency (complete the review task with APPROVE), %d approvals each, %d processors:%n"
                            + "  no subscription:                      median %d ms, p95 %d ms%n"
                            + "  a receiver that never answers:        median %d ms, p95 %d ms (%d requests held by it)%n"
                            + "  no subscription again:                median %d ms, p95 %d ms%n",
                    DECISIONS, Runtime.getRuntime().availableProcessors(), percentile(without, 50),
                    percentile(without, 95), percentile(with, 50), percentile(with, 95), held,
                    percentile(withoutAgain, 50), percentile(withoutAgain, 95));
        }
    }

    private List<Long> measure(int decisions) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < decisions; i++) {
            String account = fixtures.account().getId();
            VerificationApplication application = fixtures.submitIndividual(account);
            fixtures.runJobs(application.getId());
            long start = System.nanoTime();
            fixtures.approve(application.getId());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(accounts.findById(account).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);
            fixtures.runJobs(application.getId());
        }
        return millis;
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
