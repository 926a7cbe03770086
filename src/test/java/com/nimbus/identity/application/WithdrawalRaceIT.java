package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.support.Concurrently.Outcome;
import com.nimbus.identity.support.Concurrently;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.vocabulary.IdentityType;
import java.util.List;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R8 against a reviewer's approval at the same moment, on PostgreSQL: one outcome only, the loser is told,
 * and the account is either changed completely or exactly as before.
 */
@IntegrationTest
class WithdrawalRaceIT {

    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;
    @Autowired ApplicationRepository applicationRepository;
    @Autowired AccountRepository accounts;

    /** Spreads the two starts over a few milliseconds so that either side wins in some repetitions. */
    private static void jitter() throws InterruptedException {
        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(15));
    }

    @RepeatedTest(25)
    void aWithdrawalRacingAnApprovalEndsWithOneOutcome() {
        Account account = fixtures.account();
        fixtures.verifiedIndividual(account.getId());
        Account before = accounts.findById(account.getId()).orElseThrow();
        VerificationApplication change = fixtures.submitEnterprise(account.getId(), TestIdentities.unifiedSocialCreditCode());
        fixtures.runJobs(change.getId());
        String taskId = fixtures.reviewTask(change.getId()).getId();
        engine.getTaskService().claim(taskId, "alice");

        List<Outcome<Object>> outcomes = Concurrently.run(List.<Callable<Object>>of(
                () -> {
                    jitter();
                    engine.getTaskService().complete(taskId, java.util.Map.of("decision", "APPROVE"));
                    return "approved";
                },
                () -> {
                    jitter();
                    return applications.withdraw(account.getId(), change.getId()).getStatus();
                }));
        Outcome<Object> approval = outcomes.get(0);
        Outcome<Object> withdrawal = outcomes.get(1);

        assertThat(approval.succeeded()).as("exactly one side wins").isNotEqualTo(withdrawal.succeeded());
        fixtures.runJobs(change.getId());
        VerificationApplication decided = applicationRepository.findById(change.getId()).orElseThrow();
        Account after = accounts.findById(account.getId()).orElseThrow();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(change.getId()).count()).isZero();
        if (approval.succeeded()) {
            assertThat(withdrawal.failure()).isInstanceOfSatisfying(ApplicationDecided.class,
                    e -> assertThat(e.code()).isEqualTo("APPLICATION_DECIDED"));
            assertThat(decided.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
            assertThat(after.getIdentityType()).isEqualTo(IdentityType.ENTERPRISE);
            assertThat(after.getVerifiedApplicationId()).isEqualTo(change.getId());
        } else {
            assertThat(withdrawal.value()).isEqualTo(ApplicationStatus.WITHDRAWN);
            assertThat(decided.getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
            assertThat(after).usingRecursiveComparison().ignoringFields("version").isEqualTo(before);
        }
    }
}
