package com.nimbus.identity.lifecycle;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.retention.*}: how long identity data is kept, enforced nightly by the model
 * {@code identity-retention}.
 *
 * @param undecidedDocuments        how long the document pages of rejected, withdrawn and revoked applications are kept
 *                                  after the decision (the revocation), ISO 8601 period ({@code P30D})
 * @param afterVerificationEnds     how long those of an approved application are kept after its verification ended
 *                                  (replaced by a change, revoked... ), the provider's audit duty ({@code P3Y})
 * @param batchSize                 applications reduced per transaction
 */
@Validated
@ConfigurationProperties("identity.retention")
public record RetentionProperties(
        @DefaultValue("P30D") @NotNull Period undecidedDocuments,
        @DefaultValue("P3Y") @NotNull Period afterVerificationEnds,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize) {

    @AssertTrue(message = "identity.retention.undecided-documents and after-verification-ends must be at least one day "
            + "(ISO 8601 periods, e.g. P30D, P3Y)")
    boolean isEachPeriodADayOrMore() {
        return atLeastADay(undecidedDocuments) && atLeastADay(afterVerificationEnds);
    }

    private static boolean atLeastADay(Period period) {
        return period == null || (!period.isNegative() && !period.isZero());
    }
}
