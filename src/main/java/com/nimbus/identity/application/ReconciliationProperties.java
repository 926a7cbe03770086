package com.nimbus.identity.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.reconciliation.*}: the periodic check of the {@code application-reconciliation} model.
 *
 * @param schedule    when its timer start event fires: a Camunda cron expression (seconds first), server time zone
 * @param minAge      an application pending for less than this is left alone (its instance may be starting)
 * @param incidentAge an instance waiting on an incident for longer than this is ended and its application cancelled
 */
@Validated
@ConfigurationProperties("identity.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("0 */15 * * * ?") @NotBlank String schedule,
        @DefaultValue("5m") @NotNull @DurationMin(seconds = 0) Duration minAge,
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 1) Duration incidentAge) {
}
