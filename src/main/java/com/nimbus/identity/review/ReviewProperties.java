package com.nimbus.identity.review;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.review.*} (R5). The number of business days a review may take is in the model
 * ({@code identity-review}).
 *
 * @param holidays days skipped when counting business days, besides weekends: ISO dates, a YAML list or
 *                 comma-separated
 * @param zone     the time zone business days are counted in
 */
@Validated
@ConfigurationProperties("identity.review")
public record ReviewProperties(@DefaultValue @NotNull List<@NotNull LocalDate> holidays,
                               @DefaultValue("UTC") @NotNull ZoneId zone) {
}
