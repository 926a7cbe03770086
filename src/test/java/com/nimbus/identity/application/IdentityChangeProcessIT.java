package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.notification.MessageRepository;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.vocabulary.DomainException;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** R7 and R8 on identity-change, with the engine's clock moved through the 30-day lock. */
@IntegrationTest
class IdentityChangeProcessIT {

    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;
    @Autowired ApplicationRepository applicationRepository;
    @Autowired AccountRepository accounts;
    @Autowired QuotaService quotas;
    @Autowired MessageRepository messages;

    Instant dayZero;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        dayZero = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(dayZero));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void day(int day) {
        ClockUtil.setCurrentTime(Date.from(dayZero.plus(Duration.ofDays(day))));
    }

    private Account account(String id) {
        return accounts.findById(id).orElseThrow();
    }

    private ProcessInstance instance(String key, String applicationId) {
        return Processes.instance(engine, key, applicationId);
    }

    private DomainException refusedChange(Function<String, VerificationApplication> submit, String accountId) {
        long before = applicationRepository.findByAccountIdOrderBySubmittedAtDesc(accountId).size();
        long changesBefore = changeInstances(accountId);
        try {
            submit.apply(accountId);
        } catch (DomainException e) {
            assertThat(applicationRepository.findByAccountIdOrderBySubmittedAtDesc(accountId)).hasSize((int) before);
            assertThat(changeInstances(accountId)).isEqualTo(changesBefore);
            return e;
        }
        throw new AssertionError("the change was not refused");
    }

    private long changeInstances(String accountId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(Workflow.IDENTITY_CHANGE)
                .variableValueEquals(Workflow.Var.ACCOUNT_ID, accountId).count();
    }

    @Test
    void dayTwentyNineIsRefusedWithTheLockedUntilAndDayThirtyIsAllowed() {
        Account account = fixtures.account();
        VerificationApplication initial = fixtures.verifiedIndividual(account.getId());
        assertThat(account(account.getId()).getChangeLockedUntil()).isEqualTo(dayZero.plus(Duration.ofDays(30)));

        day(29);
        fixtures.runJobs(initial.getId());
        DomainException locked = refusedChange(fixtures::submitIndividual, account.getId());
        assertThat(locked.code()).isEqualTo("CHANGE_LOCKED");
        assertThat(locked.category()).isEqualTo(DomainException.Category.CONFLICT);
        assertThat(locked.properties()).containsEntry("lockedUntil", dayZero.plus(Duration.ofDays(30)).toString());
        assertThat(instance(Workflow.IDENTITY_DECISION, initial.getId())).isWaitingAt("Event_ChangeLockExpires");

        day(30);
        fixtures.runJobs(initial.getId());
        assertThat(instance(Workflow.IDENTITY_DECISION, initial.getId())).isNull();
        assertThat(account(account.getId()).getChangeLockedUntil()).isNull();
        VerificationApplication change = fixtures.submitIndividual(account.getId());
        assertThat(change.getKind()).isEqualTo(ApplicationKind.CHANGE);
        assertThat(instance(Workflow.IDENTITY_CHANGE, change.getId())).hasPassed("StartEvent_ChangeRequested")
                .isWaitingAt("Activity_DecideChange");
        assertThat(instance(Workflow.IDENTITY_DECISION, change.getId())).isWaitingAt("Activity_ReviewApplication");
    }

    @Test
    void individualToEnterpriseIsAllowedOnDayOneAndRestartsTheLockWhichTheOlderTimerDoesNotRelease() {
        Account account = fixtures.account();
        VerificationApplication initial = fixtures.verifiedIndividual(account.getId());
        String individualKey = account(account.getId()).getIdentityKey();

        day(1);
        VerificationApplication change = fixtures.submitEnterprise(account.getId(), TestIdentities.unifiedSocialCreditCode());
        assertThat(change.getKind()).isEqualTo(ApplicationKind.CHANGE);
        fixtures.approved(change);

        Account changed = account(account.getId());
        assertThat(changed.getIdentityType()).isEqualTo(IdentityType.ENTERPRISE);
        assertThat(changed.getVerifiedAt()).isEqualTo(dayZero.plus(Duration.ofDays(1)));
        assertThat(changed.getChangeLockedUntil()).isEqualTo(dayZero.plus(Duration.ofDays(31)));
        assertThat(quotas.used(individualKey)).isZero();
        assertThat(quotas.used(change.getIdentityKey())).isEqualTo(1);
        assertThat(instance(Workflow.IDENTITY_DECISION, change.getId())).hasPassed("Activity_NotifyApproval")
                .isWaitingAt("Event_ChangeLockExpires");
        assertThat(messages.findByAccountIdOrderByCreatedAtDescIdDesc(account.getId(), PageRequest.of(0, 1)).getContent())
                .singleElement().satisfies(m -> assertThat(m.getEvent().name()).isEqualTo("IDENTITY_CHANGED"));

        day(30);
        fixtures.runJobs(initial.getId());
        assertThat(instance(Workflow.IDENTITY_DECISION, initial.getId())).isNull();
        assertThat(account(account.getId()).getChangeLockedUntil()).isEqualTo(dayZero.plus(Duration.ofDays(31)));
        assertThat(refusedChange(fixtures::submitIndividual, account.getId()).code()).isEqualTo("CHANGE_LOCKED");

        day(31);
        fixtures.runJobs(change.getId());
        assertThat(account(account.getId()).getChangeLockedUntil()).isNull();
        assertThat(fixtures.submitIndividual(account.getId()).getKind()).isEqualTo(ApplicationKind.CHANGE);
    }

    @Test
    void enterpriseToIndividualIsRefusedOnDayOne() {
        Account account = fixtures.account();
        fixtures.verifiedEnterprise(account.getId());

        day(1);
        DomainException locked = refusedChange(fixtures::submitIndividual, account.getId());
        assertThat(locked.code()).isEqualTo("CHANGE_LOCKED");
        assertThat(locked.properties()).containsEntry("lockedUntil", dayZero.plus(Duration.ofDays(30)).toString());
        assertThat(refusedChange(a -> fixtures.submitEnterprise(a, TestIdentities.unifiedSocialCreditCode()), account.getId())
                .code()).isEqualTo("CHANGE_LOCKED");
    }

    @Test
    void individualToAnotherIndividualMovesNothingUntilApproval() {
        Account account = fixtures.account();
        VerificationApplication initial = fixtures.verifiedIndividual(account.getId());
        day(30);
        fixtures.runJobs(initial.getId());
        Account before = account(account.getId());

        VerificationApplication change = fixtures.submitIndividual(account.getId(), TestIdentities.cnResidentId());
        fixtures.runJobs(change.getId());
        assertThat(applicationRepository.findById(change.getId()).orElseThrow().getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertUnchanged(before, account(account.getId()));
        assertThat(quotas.used(change.getIdentityKey())).isZero();

        fixtures.approve(change.getId());
        Account after = account(account.getId());
        assertThat(after.getVerifiedApplicationId()).isEqualTo(change.getId());
        assertThat(after.getMaskedDocumentNumber()).isEqualTo(change.getDocumentNumberMasked());
        assertThat(quotas.used(before.getIdentityKey())).isZero();
        assertThat(quotas.used(change.getIdentityKey())).isEqualTo(1);
    }

    @Test
    void enterpriseToIndividualAndToAnotherEnterpriseAfterTheLock() {
        Account account = fixtures.account();
        VerificationApplication initial = fixtures.verifiedEnterprise(account.getId());
        String enterpriseKey = account(account.getId()).getIdentityKey();
        assertThat(quotas.used(enterpriseKey)).isEqualTo(1);
        day(30);
        fixtures.runJobs(initial.getId());

        VerificationApplication toIndividual = fixtures.approved(fixtures.submitIndividual(account.getId()));
        assertThat(account(account.getId()).getIdentityType()).isEqualTo(IdentityType.INDIVIDUAL);
        assertThat(quotas.used(enterpriseKey)).isZero();

        day(60);
        fixtures.runJobs(toIndividual.getId());
        VerificationApplication toEnterprise = fixtures.approved(
                fixtures.submitEnterprise(account.getId(), TestIdentities.unifiedSocialCreditCode()));
        Account after = account(account.getId());
        assertThat(after.getIdentityType()).isEqualTo(IdentityType.ENTERPRISE);
        assertThat(after.getIdentityKey()).isEqualTo(toEnterprise.getIdentityKey()).isNotEqualTo(enterpriseKey);
        assertThat(quotas.used(toIndividual.getIdentityKey())).isZero();
    }

    @Test
    void withdrawalAtEveryStageLeavesTheAccountExactlyAsBefore() {
        Account account = fixtures.account();
        VerificationApplication initial = fixtures.verifiedIndividual(account.getId());
        Account before = account(account.getId());

        // during the automated checks
        VerificationApplication duringChecks = fixtures.submitEnterprise(account.getId(), TestIdentities.unifiedSocialCreditCode());
        assertThat(applications.withdraw(account.getId(), duringChecks.getId()).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        // in the reviewers' queue
        VerificationApplication inQueue = fixtures.submitEnterprise(account.getId(), TestIdentities.unifiedSocialCreditCode());
        fixtures.runJobs(inQueue.getId());
        applications.withdraw(account.getId(), inQueue.getId());
        // while a reviewer holds the task
        VerificationApplication claimed = fixtures.submitEnterprise(account.getId(), TestIdentities.unifiedSocialCreditCode());
        fixtures.runJobs(claimed.getId());
        engine.getTaskService().claim(fixtures.reviewTask(claimed.getId()).getId(), "bob");
        applications.withdraw(account.getId(), claimed.getId());

        for (VerificationApplication a : new VerificationApplication[] {duringChecks, inQueue, claimed}) {
            assertThat(applicationRepository.findById(a.getId()).orElseThrow().getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
            assertThat(fixtures.reviewTask(a.getId())).isNull();
            assertThat(instance(Workflow.IDENTITY_DECISION, a.getId())).hasPassed("Activity_RecordWithdrawal");
            fixtures.runJobs(a.getId());
            assertThat(quotas.used(a.getIdentityKey())).isZero();
        }
        assertUnchanged(before, account(account.getId()));
        assertThat(quotas.used(before.getIdentityKey())).isEqualTo(1);
        assertThat(instance(Workflow.IDENTITY_DECISION, initial.getId())).isWaitingAt("Event_ChangeLockExpires");
        assertThatThrownBy(() -> applications.withdraw(account.getId(), initial.getId()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("APPLICATION_DECIDED"));
    }

    private static void assertUnchanged(Account before, Account now) {
        assertThat(now.getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(now).usingRecursiveComparison().ignoringFields("version").isEqualTo(before);
    }
}
