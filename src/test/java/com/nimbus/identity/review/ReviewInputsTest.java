package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.vocabulary.Workflow;

import com.nimbus.identity.review.ReviewInputs.Input;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reviewer may send with her decision, whichever door it comes through. */
class ReviewInputsTest {

    private static Map<String, Input> inputs(Object... nameTypeText) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (int i = 0; i < nameTypeText.length; i += 3) {
            inputs.put((String) nameTypeText[i], new Input((String) nameTypeText[i + 1], (String) nameTypeText[i + 2]));
        }
        return inputs;
    }

    @Test
    void anApprovalAndARejectionWithReviewersReasonsPass() {
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE"))).isEmpty();
        assertThat(ReviewInputs.problems(inputs("decision", "string", "APPROVE", "rejectionReasons", "Json", "[]",
                "reviewComment", "String", ""))).isEmpty();
        assertThat(ReviewInputs.problems(inputs("decision", "String", "REJECT",
                "rejectionReasons", "Json", "[\"NAME_MISMATCH\",\"DOCUMENT_EXPIRED\"]",
                "reviewComment", "String", "x".repeat(2000)))).isEmpty();
        assertThat(ReviewInputs.problems(inputs("decision", "String", "REJECT",
                "rejectionReasons", "String", "[\"OTHER\"]", "reviewComment", "Null", null))).isEmpty();
    }

    @Test
    void everyOtherVariableIsRefusedByName() {
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE", "automatedChecksPassed", "Boolean",
                "false", "reviewedBy", "String", "bob")))
                .containsExactly("A review is completed with decision, rejectionReasons, reviewComment only; not with "
                        + "automatedChecksPassed, reviewedBy.");
    }

    @Test
    void theDecisionIsAStringOfTheList() {
        assertThat(ReviewInputs.problems(inputs())).anyMatch(p -> p.startsWith("decision must be a String"));
        assertThat(ReviewInputs.problems(inputs("decision", "String", "MAYBE"))).hasSize(1);
        assertThat(ReviewInputs.problems(inputs("decision", "Object", "APPROVE"))).hasSize(1);
    }

    @Test
    void reasonsAreReviewersCodesInAJsonArrayAndARejectionHasOne() {
        assertThat(ReviewInputs.problems(inputs("decision", "String", "REJECT")))
                .containsExactly("A decision REJECT needs at least one reason in rejectionReasons.");
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE", "rejectionReasons", "Json",
                "[\"QUOTA_EXCEEDED\"]"))).containsExactly("Not a reviewer's reason: QUOTA_EXCEEDED.");
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE", "rejectionReasons", "Json",
                "[\"ENTERPRISE_DISSOLVED\", \"NO_SUCH_CODE\"]")))
                .containsExactly("Not a reviewer's reason: ENTERPRISE_DISSOLVED, NO_SUCH_CODE.");
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE", "rejectionReasons", "Object", "[]")))
                .containsExactly("rejectionReasons must be a Json array of reason codes.");
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE", "rejectionReasons", "Json", "{\"a\":1}")))
                .containsExactly("rejectionReasons must be a Json array of reason codes.");
    }

    @Test
    void askingForNewPagesNeedsReviewersReasonsToo() {
        assertThat(ReviewInputs.problems(inputs("decision", "String", "REQUEST_PHOTO", "rejectionReasons", "Json",
                "[\"DOCUMENT_UNCLEAR\"]"))).isEmpty();
        assertThat(ReviewInputs.problems(inputs("decision", "String", "REQUEST_PHOTO")))
                .containsExactly("A decision REQUEST_PHOTO needs at least one reason in rejectionReasons.");
        assertThat(ReviewInputs.problems(inputs("decision", "String", "REQUEST_PHOTO", "rejectionReasons", "Json",
                "[\"IMAGE_BLURRY\"]"))).anyMatch(p -> p.startsWith("Not a reviewer's reason: IMAGE_BLURRY"));
    }

    @Test
    void theSecondReviewApprovesOrRejectsOnly() {
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE"), Workflow.SECOND_REVIEW_DECISIONS))
                .isEmpty();
        assertThat(ReviewInputs.problems(inputs("decision", "String", "REQUEST_PHOTO", "rejectionReasons", "Json",
                "[\"DOCUMENT_UNCLEAR\"]"), Workflow.SECOND_REVIEW_DECISIONS))
                .containsExactly("decision must be a String, one of APPROVE, REJECT.");
        assertThat(ReviewInputs.problems(inputs("decision", "String", "REJECT"), Workflow.SECOND_REVIEW_DECISIONS))
                .containsExactly("A decision REJECT needs at least one reason in rejectionReasons.");
    }

    @Test
    void theCommentIsAStringOfAtMost2000Characters() {
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE", "reviewComment", "String",
                "x".repeat(2001)))).containsExactly("reviewComment must be at most 2000 characters.");
        assertThat(ReviewInputs.problems(inputs("decision", "String", "APPROVE", "reviewComment", "Bytes", "eA==")))
                .containsExactly("reviewComment must be a String.");
    }
}
