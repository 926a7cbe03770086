package com.nimbus.identity.quota;

import com.nimbus.identity.document.check.AutomatedCheck;
import com.nimbus.identity.document.check.CheckResult;
import com.nimbus.identity.document.check.CheckSubject;
import com.nimbus.identity.vocabulary.ReasonCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * R4, checked early: an identity whose quota is full now rejects the application before any review. The limit is
 * the one the decision table {@code identity-quota} gives now, the same the approval takes its slot under.
 */
@Component
@Order(1000)
class QuotaCheck implements AutomatedCheck {

    private final QuotaService quotas;

    QuotaCheck(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        if (subject.identityKey().equals(subject.accountIdentityKey())) {
            return CheckResult.pass("Identity quota", "the account already holds this identity");
        }
        int limit = quotas.limit(subject.identityKey(), subject.identityType());
        int used = quotas.used(subject.identityKey());
        if (used < limit) {
            return CheckResult.pass("Identity quota", used + " of " + limit + " accounts verified with this identity");
        }
        return CheckResult.fail("Identity quota", ReasonCode.QUOTA_EXCEEDED,
                "already verifies " + used + " accounts; this identity may verify " + limit);
    }
}
