package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.support.ModelRuleTables;
import com.nimbus.identity.workflow.RuleTableGap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every row of the decision table revocation-policy (processes/revocation-policy.dmn). */
class RevocationPolicyTableTest {

    private final ModelRuleTables tables = ModelRuleTables.shipped();

    private Map<String, Object> policy(String finding) {
        return tables.decide("revocation-policy", Map.of("finding", finding));
    }

    @Test
    void rowDissolvedRevokesAtOnce() {
        assertThat(policy("DISSOLVED")).containsEntry("action", "REVOKE");
        assertThat(policy("DISSOLVED").get("gracePeriod")).isNull();
    }

    @Test
    void rowDataMismatchNotifiesAndRevokesAfterThirtyDaysOfGrace() {
        assertThat(policy("DATA_MISMATCH")).containsEntry("action", "NOTIFY_THEN_REVOKE_AFTER_GRACE")
                .containsEntry("gracePeriod", "P30D");
    }

    @Test
    void rowNotFoundGoesToAReviewerFirst() {
        assertThat(policy("NOT_FOUND")).containsEntry("action", "REVIEW_FIRST");
        assertThat(policy("NOT_FOUND").get("gracePeriod")).isNull();
    }

    @Test
    void anUnknownFindingHasNoPolicy() {
        assertThatThrownBy(() -> policy("UNREACHABLE")).isInstanceOf(RuleTableGap.class);
    }
}
