package com.nimbus.identity.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import org.junit.jupiter.api.Test;

class DocumentChecksPropertiesTest {

    @Test
    void applicationYamlConfiguresEveryThreshold() {
        DocumentChecksProperties checks = Settings.bound(DocumentChecksProperties.class);
        assertThat(checks.photo()).isEqualTo(new DocumentChecksProperties.Photo(40_000_000L, 12_000, 800, 500, 1000, 30, 100));
        assertThat(checks.similarPhoto()).isEqualTo(new DocumentChecksProperties.SimilarPhoto(true, 5));
        assertThat(ConfiguredChecks.properties()).isEqualTo(checks);
    }

    @Test
    void refusesAWarningThresholdBelowTheFailingOne() {
        assertThat(Settings.refusal("identity.checks.photo.blur-warn-below=20"))
                .contains("identity.checks").contains("blur-warn-below must not be below blur-fail-below");
    }

    @Test
    void refusesAMinimumResolutionBeyondTheBombLimit() {
        assertThat(Settings.refusal("identity.checks.photo.min-long-side=13000"))
                .contains("min-long-side must not exceed max-side");
    }

    @Test
    void refusesAShortSideLongerThanTheLongSide() {
        assertThat(Settings.refusal("identity.checks.photo.min-short-side=900"))
                .contains("min-short-side must not exceed min-long-side");
    }

    @Test
    void takesAFingerprintDistanceUpToWhatTheIndexLooksUp() {
        assertThat(Settings.bound(DocumentChecksProperties.class, "identity.checks.similar-photo.max-distance=11")
                .similarPhoto().maxDistance()).isEqualTo(11);
        assertThat(Settings.refusal("identity.checks.similar-photo.max-distance=12")).contains("maxDistance");
    }

    @Test
    void refusesAnImpossibleFingerprintDistanceAndATinyAnalysisCopy() {
        assertThat(Settings.refusal("identity.checks.similar-photo.max-distance=40")).contains("maxDistance");
        assertThat(Settings.refusal("identity.checks.photo.analysis-side=10")).contains("analysisSide");
    }
}
