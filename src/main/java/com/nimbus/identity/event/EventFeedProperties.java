package com.nimbus.identity.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.events.*}: how events get their place in the feed. A node places the events it recorded itself as
 * soon as they commit; every {@code position-interval} it also places what other nodes recorded (their own
 * assigner is as quick, this is the safety net).
 *
 * @param positionInterval how often a node looks for committed events without a place in the feed
 * @param positionBatch    at most this many events placed in one transaction
 */
@Validated
@ConfigurationProperties("identity.events")
public record EventFeedProperties(
        @DefaultValue("1s") @NotNull @DurationMin(millis = 10) @DurationMax(minutes = 5) Duration positionInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int positionBatch) {
}
