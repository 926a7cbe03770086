package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retry schedule operators get by default: exponential backoff with jitter, for at least 24 hours. */
class RetryScheduleTest {

    private final WebhookProperties.Retry retry = Settings.bound(WebhookProperties.class).retry();

    @Test
    void delaysGrowFourfoldFromFiveSecondsUpToTenHours() {
        RetrySchedule exact = new RetrySchedule(retry, () -> 0.5); // no jitter
        assertThat(List.of(exact.delay(1), exact.delay(2), exact.delay(3), exact.delay(7), exact.delay(8), exact.delay(20)))
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(80),
                        Duration.ofSeconds(20480), Duration.ofHours(10), Duration.ofHours(10));
    }

    @Test
    void jitterMovesADelayByAtMostAFifth() {
        assertThat(new RetrySchedule(retry, () -> 0.0).delay(2)).isEqualTo(Duration.ofSeconds(16));
        assertThat(new RetrySchedule(retry, () -> 0.999999).delay(2)).isBetween(Duration.ofMillis(23_999),
                Duration.ofSeconds(24));
    }

    @Test
    void aDeliveryIsRetriedForAtLeast24HoursThenGivenUp() {
        for (double random : new double[] {0.0, 0.5, 0.999999}) {
            RetrySchedule schedule = new RetrySchedule(retry, () -> random);
            Instant first = Instant.parse("2025-07-01T09:00:00Z");
            Instant at = first;
            List<Instant> attempts = new ArrayList<>(List.of(at));
            Optional<Instant> next;
            while ((next = schedule.nextAttempt(attempts.size(), first, at)).isPresent()) {
                at = next.get();
                attempts.add(at);
            }
            Duration span = Duration.between(first, attempts.get(attempts.size() - 1));
            assertThat(span).as("jitter %s", random).isGreaterThanOrEqualTo(Duration.ofHours(24))
                    .isLessThan(Duration.ofHours(40));
            assertThat(attempts).as("jitter %s", random).hasSizeBetween(9, 12);
        }
    }
}
