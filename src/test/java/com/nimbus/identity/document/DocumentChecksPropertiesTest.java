package com.nimbus.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DocumentChecksPropertiesTest {

    @Test
    void applicationYamlConfiguresEveryThreshold() {
        DocumentChecksProperties checks = ConfiguredChecks.properties();
        assertThat(checks.photo()).isEqualTo(new DocumentChecksProperties.Photo(40_000_000L, 12_000, 800, 500, 1000, 30, 100));
        assertThat(checks.similarPhoto()).isEqualTo(new DocumentChecksProperties.SimilarPhoto(true, 5));
    }

    @Test
    void refusesAWarningThresholdBelowTheFailingOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DocumentChecksProperties.Photo(40_000_000L, 12_000, 800, 500, 1000, 100, 30))
                .withMessageContaining("blur-warn-below");
    }

    @Test
    void refusesAMissingBlock() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DocumentChecksProperties(null, new DocumentChecksProperties.SimilarPhoto(true, 5)))
                .withMessageContaining("identity.checks.photo");
    }

    @Test
    void refusesAMinimumResolutionBeyondTheBombLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DocumentChecksProperties.Photo(40_000_000L, 12_000, 13_000, 500, 1000, 30, 100))
                .withMessageContaining("min-long-side");
    }
}
