package com.nimbus.identity.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.security.CryptoProperties;
import com.nimbus.identity.support.Settings;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** {@code identity.retention.*} and the named keys of {@code identity.crypto.*}, bound and checked as at start. */
class RetentionPropertiesTest {

    @Test
    void undecidedDocumentsGoAfterThirtyDaysAndVerifiedOnesThreeYearsAfterTheEnd() {
        RetentionProperties defaults = Settings.bound(RetentionProperties.class);
        assertThat(defaults.undecidedDocuments()).isEqualTo(Period.ofDays(30));
        assertThat(defaults.afterVerificationEnds()).isEqualTo(Period.ofYears(3));
        assertThat(Settings.bound(RetentionProperties.class, "identity.retention.after-verification-ends=P5Y")
                .afterVerificationEnds()).isEqualTo(Period.ofYears(5));
    }

    @Test
    void aPeriodOfNothingNegativeOrNotAPeriodStopsTheStart() {
        assertThat(Settings.refusal("identity.retention.undecided-documents=P0D")).contains("identity.retention");
        assertThat(Settings.refusal("identity.retention.after-verification-ends=-P1Y")).contains("identity.retention");
        assertThat(Settings.refusal("identity.retention.undecided-documents=thirty days"))
                .contains("identity.retention.undecided-documents");
        assertThat(Settings.refusal("identity.retention.batch-size=0")).contains("identity.retention");
    }

    @Test
    void namedKeysMustBeWellFormedAndTheActiveOnesListed() {
        String key = "dGVzdCBrZXkgb2YgMjAyNiwgdGhpcnR5LXR3byBiISE=";
        CryptoProperties named = Settings.bound(CryptoProperties.class, "identity.crypto.keys.k2026=" + key,
                "identity.crypto.active-key-id=k2026");
        assertThat(named.activeKeyId()).isEqualTo("k2026");
        assertThat(named.keys()).containsKey("k2026");
        assertThat(Settings.refusal("identity.crypto.keys.k2026=" + key, "identity.crypto.active-key-id=k2027"))
                .contains("identity.crypto");
        assertThat(Settings.refusal("identity.crypto.keys.k2026=c2hvcnQ=")).contains("identity.crypto");
        assertThat(Settings.refusal("identity.crypto.active-fingerprint-key-id=q1")).contains("identity.crypto");
    }
}
