package com.nimbus.identity.quota;

import com.nimbus.identity.document.check.AutomatedCheck;
import com.nimbus.identity.document.check.CheckResult;
import com.nimbus.identity.document.check.CheckSubject;
import com.nimbus.identity.vocabulary.ReasonCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** R4, checked early: an identity whose quota is full now rejects the application before any review. */
@Component
@Order(1000)
class QuotaCheck implements AutomatedCheck {

    private final QuotaService quotas;

    QuotaCheck(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        int limit = QuotaService.limitFor(subject.identityType());
        if (subject.identityKey().equals(subject.accountIdentityKey())) {
            return CheckResult.pass("Identity quota", "the account already holds this identity");
        }
        if (quotas.hasRoom(subject.identityKey(), subject.identityType())) {
            return CheckResult.pass("Identity quota",
                    quotas.used(subject.identityKey()) + " of " + limit + " accounts verified with this identity");
        }
        return CheckResult.fail("Identity quota", ReasonCode.QUOTA_EXCEEDED,
                "already verifies " + limit + " of " + limit + " accounts");
    }
}
