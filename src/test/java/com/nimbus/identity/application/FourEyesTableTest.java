package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ModelRuleTables;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every row of the decision table four-eyes (processes/four-eyes.dmn): which approvals need a second reviewer. */
class FourEyesTableTest {

    private final ModelRuleTables tables = ModelRuleTables.shipped();

    private boolean secondReviewRequired(boolean similarPhoto, boolean blur, boolean enterpriseToIndividual,
                                         Integer daysSinceLastRejection) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("similarPhotoWarning", similarPhoto);
        inputs.put("blurWarning", blur);
        inputs.put("enterpriseToIndividual", enterpriseToIndividual);
        inputs.put("daysSinceLastRejection", daysSinceLastRejection);
        return (Boolean) tables.decide("four-eyes", inputs).get("secondReviewRequired");
    }

    @Test
    void rowSimilarPhotoAsksForASecondReviewer() {
        assertThat(secondReviewRequired(true, false, false, null)).isTrue();
    }

    @Test
    void rowBlurAsksForASecondReviewer() {
        assertThat(secondReviewRequired(false, true, false, null)).isTrue();
    }

    @Test
    void rowEnterpriseToIndividualAsksForASecondReviewer() {
        assertThat(secondReviewRequired(false, false, true, null)).isTrue();
    }

    @Test
    void rowRecentRejectionAsksForASecondReviewerUpToThirtyDays() {
        assertThat(secondReviewRequired(false, false, false, 0)).isTrue();
        assertThat(secondReviewRequired(false, false, false, 30)).isTrue();
        assertThat(secondReviewRequired(false, false, false, 31)).isFalse();
    }

    @Test
    void rowNoSoftSignalLetsOneApprovalStand() {
        assertThat(secondReviewRequired(false, false, false, null)).isFalse();
    }

    @Test
    void severalSignalsAskOnce() {
        assertThat(secondReviewRequired(true, true, true, 3)).isTrue();
    }
}
