package com.nimbus.identity.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.application.ApplicationRepository;
import com.nimbus.identity.application.ApplicationStatus;
import com.nimbus.identity.application.Reason;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.Concurrently;
import com.nimbus.identity.support.Concurrently.Outcome;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R4 under concurrent approvals on PostgreSQL: the database never lets a quota be exceeded. */
@IntegrationTest
class QuotaConcurrencyIT {

    @Autowired Fixtures fixtures;
    @Autowired ApplicationRepository applications;
    @Autowired AccountRepository accounts;
    @Autowired QuotaService quotas;
    @Autowired HistoryService history;

    private List<VerificationApplication> inReview(int count, Function<String, VerificationApplication> submit) {
        List<VerificationApplication> submitted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            VerificationApplication application = submit.apply(fixtures.account().getId());
            fixtures.runJobs(application.getId());
            assertThat(fixtures.reviewTask(application.getId())).as("passed the early quota check").isNotNull();
            submitted.add(application);
        }
        return submitted;
    }

    private void approveAllAtOnce(List<VerificationApplication> submitted) {
        List<Callable<Void>> approvals = submitted.stream().<Callable<Void>>map(a -> () -> {
            fixtures.approve(a.getId());
            return null;
        }).toList();
        List<Outcome<Void>> outcomes = Concurrently.run(approvals);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).as("approval failed").isNull());
        submitted.forEach(a -> fixtures.runJobs(a.getId()));
    }

    private long verified(List<VerificationApplication> submitted) {
        return submitted.stream().filter(a -> accounts.findById(a.getAccountId()).orElseThrow().getStatus()
                == VerificationStatus.VERIFIED).count();
    }

    private List<VerificationApplication> rejected(List<VerificationApplication> submitted) {
        return submitted.stream().map(a -> applications.findById(a.getId()).orElseThrow())
                .filter(a -> a.getStatus() == ApplicationStatus.REJECTED).toList();
    }

    @Test
    void twentyConcurrentApprovalsOfOneIndividualDocumentVerifyExactlyOneAccount() {
        String number = TestIdentities.cnResidentId();
        List<VerificationApplication> submitted = inReview(20, account -> fixtures.submitIndividual(account, number));

        approveAllAtOnce(submitted);

        assertThat(verified(submitted)).isEqualTo(1);
        assertThat(rejected(submitted)).hasSize(19)
                .allSatisfy(a -> assertThat(a.getReasons()).extracting(Reason::code).containsExactly("QUOTA_EXCEEDED"));
        assertThat(quotas.used(submitted.get(0).getIdentityKey())).isEqualTo(1);

        // a later application with the same document is hopeless: rejected by the automated checks, before review
        VerificationApplication late = fixtures.submitIndividual(fixtures.account().getId(), " " + number.toLowerCase() + " ");
        fixtures.runJobs(late.getId());
        VerificationApplication decided = applications.findById(late.getId()).orElseThrow();
        assertThat(decided.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(decided.getReasons()).extracting(Reason::code).containsExactly("QUOTA_EXCEEDED");
        assertThat(decided.getDecidedBy()).isEqualTo("automated-checks");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(late.getId())
                .processDefinitionKey("identity-decision").singleResult().getEndActivityId())
                .isEqualTo("EndEvent_ApplicationRejectedAutomatically");
    }

    @Test
    void eightConcurrentApprovalsOfOneEnterpriseVerifyExactlyFiveAccounts() {
        String registration = TestIdentities.unifiedSocialCreditCode();
        List<VerificationApplication> submitted = inReview(8, account -> fixtures.submitEnterprise(account, registration));

        approveAllAtOnce(submitted);

        assertThat(verified(submitted)).isEqualTo(5);
        assertThat(rejected(submitted)).hasSize(3)
                .allSatisfy(a -> assertThat(a.getReasons()).extracting(Reason::code).containsExactly("QUOTA_EXCEEDED"));
        assertThat(quotas.used(submitted.get(0).getIdentityKey())).isEqualTo(5);
    }
}
