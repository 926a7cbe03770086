package com.nimbus.identity.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.webhooks.*}: where webhooks may go, how they are retried and how many go out at once.
 *
 * @param httpsOnly              only {@code https} targets (production); the embedded default also takes {@code http}
 * @param refusePrivateAddresses refuse targets that resolve to loopback, private, link-local, unique-local, multicast
 *                               or unspecified addresses, checked on the addresses the connection is made to
 *                               (production); the embedded default sends anywhere
 * @param allowedHosts           host names (or addresses) exempt from {@code refuse-private-addresses}, e.g. an
 *                               internal receiver; compared without case
 * @param secretOverlap          after a secret is rotated, the old one signs too for this long
 * @param connectTimeout         how long to wait for a connection to a target
 * @param answerTimeout          how long a target has to answer; a 2xx within it counts as delivered
 * @param maxAnswerBytes         at most this much of a target's answer is read (kept for operators, shortened)
 * @param retry                  the retry schedule
 * @param delivery               the dispatcher
 */
@Validated
@ConfigurationProperties("identity.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean httpsOnly,
        @DefaultValue("false") boolean refusePrivateAddresses,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("24h") @NotNull @DurationMin(seconds = 0) @DurationMax(days = 30) Duration secretOverlap,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration connectTimeout,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration answerTimeout,
        @DefaultValue("4096") @Min(0) @Max(65_536) int maxAnswerBytes,
        @DefaultValue @NotNull @Valid Retry retry,
        @DefaultValue @NotNull @Valid Delivery delivery) {

    /**
     * Exponential backoff with jitter: after the n-th failed attempt the next comes
     * {@code min(initial-delay x multiplier^(n-1), max-delay)} later, give or take {@code jitter} of it; a failed
     * attempt made {@code retry-for} or more after the first is the last, and the delivery is FAILED.
     *
     * @param initialDelay how long after the first failed attempt the second is made
     * @param multiplier   each delay is this many times the one before
     * @param maxDelay     no delay is longer
     * @param jitter       each delay is moved at random by up to this fraction of it, so that receivers coming back
     *                     after an outage are not met by every delivery at once
     * @param retryFor     how long a delivery is retried from its first attempt (at least 24 hours, SPEC)
     */
    public record Retry(
            @DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration initialDelay,
            @DefaultValue("4") @DecimalMin("1.0") @DecimalMax("100.0") double multiplier,
            @DefaultValue("10h") @NotNull @DurationMin(millis = 100) Duration maxDelay,
            @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("0.5") double jitter,
            @DefaultValue("24h") @NotNull @DurationMin(hours = 24, message = "must be at least 24 hours (SPEC)")
            @DurationMax(days = 14) Duration retryFor) {

        @AssertTrue(message = "max-delay must not be shorter than initial-delay")
        boolean isMaxDelayAtLeastInitial() {
            return initialDelay == null || maxDelay == null || maxDelay.compareTo(initialDelay) >= 0;
        }
    }

    /**
     * @param enabled         whether this node sends webhooks (the event feed is served either way)
     * @param threads         deliveries this node makes at once
     * @param perEndpoint     deliveries to one subscription this node makes at once: a slow or dead endpoint holds
     *                        at most this many of the threads, the others keep going
     * @param pollInterval    how often the node looks for due deliveries besides being woken by new events
     */
    public record Delivery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("8") @Min(1) @Max(64) int threads,
            @DefaultValue("2") @Min(1) @Max(64) int perEndpoint,
            @DefaultValue("1s") @NotNull @DurationMin(millis = 10) @DurationMax(minutes = 5) Duration pollInterval) {

        @AssertTrue(message = "per-endpoint must not exceed threads")
        boolean isPerEndpointWithinThreads() {
            return perEndpoint <= threads;
        }
    }
}
