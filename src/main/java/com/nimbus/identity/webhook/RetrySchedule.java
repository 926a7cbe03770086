package com.nimbus.identity.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again ({@link WebhookProperties.Retry}): exponential backoff with jitter, for at
 * least {@code retry-for} from the first attempt, then never (FAILED, for an operator).
 */
final class RetrySchedule {

    private final WebhookProperties.Retry retry;
    private final DoubleSupplier random;

    RetrySchedule(WebhookProperties.Retry retry, DoubleSupplier random) {
        this.retry = retry;
        this.random = random;
    }

    /**
     * The time of the next attempt after the {@code attempts}-th attempt (1 for the first) failed at {@code now},
     * or empty when that attempt was the last: made {@code retry-for} or more after {@code firstAttempt}.
     */
    Optional<Instant> nextAttempt(int attempts, Instant firstAttempt, Instant now) {
        if (Duration.between(firstAttempt, now).compareTo(retry.retryFor()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delay(attempts)));
    }

    /** The delay after the {@code attempts}-th failed attempt, jitter included. */
    Duration delay(int attempts) {
        double base = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), Math.max(0, attempts - 1));
        double capped = Math.min(base, retry.maxDelay().toMillis());
        double jittered = capped * (1 + retry.jitter() * (2 * random.getAsDouble() - 1));
        return Duration.ofMillis(Math.max(1, Math.round(jittered)));
    }
}
