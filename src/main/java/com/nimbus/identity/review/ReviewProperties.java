package com.nimbus.identity.review;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
 * @param photoWait how long an application waits for new pages of the document after a reviewer asked for them,
 *                  before it is rejected with DOCUMENT_UNCLEAR (ISO 8601, P14D by default; the model may set its own)
 */
@Validated
@ConfigurationProperties("identity.review")
public record ReviewProperties(@DefaultValue @NotNull List<@NotNull LocalDate> holidays,
                               @DefaultValue("UTC") @NotNull ZoneId zone,
                               @DefaultValue("P14D") @NotNull Duration photoWait) {

    public ReviewProperties {
        if (photoWait != null && (photoWait.isNegative() || photoWait.isZero())) {
            throw new IllegalArgumentException("identity.review.photo-wait must be a positive duration");
        }
    }
}
