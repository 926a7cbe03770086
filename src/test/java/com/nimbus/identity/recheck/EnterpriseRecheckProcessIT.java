package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.account.NewAccount;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.vocabulary.UserGroups;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code enterprise-recheck} model against the database registry: each outcome of a re-check, the quota
 * slot, the sweep over pages, the timer, and a failure in the middle of a page.
 * <p>
 * A sweep covers every enterprise-verified account of the test database, also those other tests left behind;
 * the assertions are about this test's own accounts only.
 */
@IntegrationTest
class EnterpriseRecheckProcessIT {

    private static final String NAME = "Nimbus Cloud Computing (Beijing) Co., Ltd.";
    private static final String ADDRESS = "No. 1 Jianguo Road, Chaoyang District, Beijing";

    @Autowired ProcessEngine engine;
    @Autowired EnterpriseRechecks rechecks;
    @Autowired AccountRepository accountRepository;
    @Autowired QuotaService quotas;
    @Autowired JdbcTemplate jdbc;
    @Autowired FieldCipher cipher;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired AccountService accountService;
    @Autowired ApplicationService applications;

    EnterpriseAccounts enterprises;

    @BeforeEach
    void setUp() {
        enterprises = new EnterpriseAccounts(jdbc, cipher, quotas, transactionManager);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anActiveEnterpriseWhoseDataStillMatchesStaysVerified() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        // the registry writes the same data its own way: case, spacing, punctuation, full-width brackets
        enterprises.register(number, "NIMBUS CLOUD COMPUTING （BEIJING） CO LTD",
                "No 1, Jianguo Road,  Chaoyang District,Beijing.", EnterpriseStatus.ACTIVE);

        recheckOne(accountId);

        Account account = account(accountId);
        assertThat(account.getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(account.getVerifiedName()).isEqualTo(NAME);
        assertThat(account.getRevocationCode()).isNull();
        assertThat(quotas.used(enterprises.identityKey(number))).isEqualTo(1);
        assertThat(enterprises.revokedMessages(accountId)).isZero();
    }

    @Test
    void anEnterpriseVerifiedThroughReviewIsReCheckedWithTheDataItWasVerifiedWith() {
        String number = TestIdentities.unifiedSocialCreditCode();
        Account opened = accountService.open(new NewAccount("owner@example.com", "+8613800138000", "CN", null));
        // entered with separators and in lower case: the registry knows it in its normalised form
        String entered = number.substring(0, 6) + " " + number.substring(6, 12) + "-" + number.substring(12).toLowerCase();
        String applicationId = applications.submit(opened.getId(), """
                {"identityType": "ENTERPRISE", "enterpriseName": "%s", "registeredAddress": "%s",
                 "registrationNumber": "%s"}""".formatted(NAME, ADDRESS, entered), TestImages.documentPng()).getId();
        Processes.executeJobs(engine, applicationId);
        Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId).singleResult();
        engine.getTaskService().claim(review.getId(), "alice");
        engine.getTaskService().complete(review.getId(), Map.of("decision", "APPROVE"));
        Processes.executeJobs(engine, applicationId);
        assertThat(account(opened.getId()).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(quotas.used(enterprises.identityKey(number))).isEqualTo(1);
        enterprises.register(number, NAME, ADDRESS, EnterpriseStatus.ACTIVE);

        recheckOne(opened.getId());
        assertThat(account(opened.getId()).getStatus()).isEqualTo(VerificationStatus.VERIFIED);

        jdbc.update("update enterprise_registry_entry set status = 'DISSOLVED' where registration_number = ?", number);
        recheckOne(opened.getId());
        assertRevoked(opened.getId(), "ENTERPRISE_DISSOLVED");
        assertThat(quotas.used(enterprises.identityKey(number))).isZero();
    }

    @Test
    void aDissolvedEnterpriseLosesItsVerificationAndItsQuotaSlot() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        enterprises.register(number, NAME, ADDRESS, EnterpriseStatus.DISSOLVED);
        assertThat(quotas.used(enterprises.identityKey(number))).isEqualTo(1);

        recheckOne(accountId);

        assertRevoked(accountId, "ENTERPRISE_DISSOLVED");
        assertThat(quotas.used(enterprises.identityKey(number))).isZero();
        assertThat(enterprises.revokedMessages(accountId)).isEqualTo(1);
    }

    @Test
    void aRegistrationNumberTheRegistryDoesNotKnowGoesToAReviewerWhoRevokes() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);

        recheckOne(accountId);

        assertThat(account(accountId).getStatus()).as("nothing is revoked before a reviewer looked")
                .isEqualTo(VerificationStatus.VERIFIED);
        Task task = findingReview(accountId);
        assertThat(task.getName()).isEqualTo("Review registry finding");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(UserGroups.REVIEWERS));
        assertThat(engine.getTaskService().getVariable(task.getId(), Recheck.Var.FINDING)).isEqualTo("NOT_FOUND");
        // a sweep meanwhile does not open a second review of the same finding
        recheckOne(accountId);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(accountId).count()).isEqualTo(1);

        decideFinding(task, "REVOKE");

        assertRevoked(accountId, "ENTERPRISE_NOT_FOUND");
        assertThat(quotas.used(enterprises.identityKey(number))).isZero();
        assertThat(enterprises.revokedMessages(accountId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select closed_by from registry_finding where account_id = ?", String.class,
                accountId)).isEqualTo("bob");
    }

    @Test
    void aReviewerWhoKeepsAnUnknownEnterpriseKeepsItAndTheFindingIsNotReportedAgain() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        recheckOne(accountId);

        decideFinding(findingReview(accountId), "KEEP");

        assertThat(account(accountId).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(quotas.used(enterprises.identityKey(number))).isEqualTo(1);
        recheckOne(accountId);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(accountId).count()).isZero();
        assertThat(enterprises.revokedMessages(accountId)).isZero();
    }

    @Test
    void aNameThatNoLongerMatchesIsToldToTheHolderAndRevokedWhenStillMismatchedAfterThirtyDays() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        enterprises.register(number, "Nimbus Storage (Beijing) Co., Ltd.", ADDRESS, EnterpriseStatus.ACTIVE);

        recheckOne(accountId);

        assertThat(account(accountId).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(messages(accountId, "VERIFICATION_DATA_MISMATCH")).isEqualTo(1);
        Job grace = graceTimer(accountId);
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), grace.getDuedate().toInstant()))
                .isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
        recheckOne(accountId);
        assertThat(messages(accountId, "VERIFICATION_DATA_MISMATCH")).as("one grace period at a time").isEqualTo(1);

        endGracePeriod(accountId, grace);

        assertRevoked(accountId, "ENTERPRISE_DATA_MISMATCH");
        assertThat(quotas.used(enterprises.identityKey(number))).isZero();
        assertThat(enterprises.revokedMessages(accountId)).isEqualTo(1);
    }

    @Test
    void aRegisteredAddressCorrectedWithinTheGracePeriodKeepsTheVerification() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        enterprises.register(number, NAME, "No. 8 Zhongguancun Street, Haidian District, Beijing", EnterpriseStatus.ACTIVE);
        recheckOne(accountId);
        Job grace = graceTimer(accountId);

        jdbc.update("update enterprise_registry_entry set registered_address = ? where registration_number = ?",
                ADDRESS, number);
        endGracePeriod(accountId, grace);

        assertThat(account(accountId).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(enterprises.revokedMessages(accountId)).isZero();
        assertThat(jdbc.queryForObject("select status from registry_finding where account_id = ?", String.class,
                accountId)).isEqualTo("CLEARED");
    }

    @Test
    void aMismatchWithAChangeApplicationPendingAtTheEndOfTheGracePeriodIsNotRevoked() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        enterprises.register(number, "Nimbus Storage (Beijing) Co., Ltd.", ADDRESS, EnterpriseStatus.ACTIVE);
        recheckOne(accountId);
        Job grace = graceTimer(accountId);
        String change = applications.submit(accountId, """
                {"identityType": "ENTERPRISE", "enterpriseName": "Nimbus Storage (Beijing) Co., Ltd.",
                 "registeredAddress": "%s", "registrationNumber": "%s"}""".formatted(ADDRESS, number),
                TestImages.documentPng()).getId();
        assertThat(applications.pendingApplicationId(accountId)).contains(change);

        endGracePeriod(accountId, grace);

        assertThat(account(accountId).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(enterprises.revokedMessages(accountId)).isZero();
    }

    @Test
    void aRegistryDownAtTheEndOfTheGracePeriodRevokesNothingAndBecomesAnIncident() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        enterprises.register(number, "Nimbus Storage (Beijing) Co., Ltd.", ADDRESS, EnterpriseStatus.ACTIVE);
        recheckOne(accountId);
        Job grace = graceTimer(accountId);
        ClockUtil.setCurrentTime(Date.from(grace.getDuedate().toInstant().plusSeconds(1)));
        engine.getManagementService().executeJob(grace.getId());
        Job recheck = engine.getManagementService().createJobQuery().processInstanceId(grace.getProcessInstanceId())
                .activityId("Activity_RecheckAccount").singleResult();
        // the database registry cannot be read: as an online registry that does not answer, three times
        jdbc.execute("alter table enterprise_registry_entry rename to enterprise_registry_entry_away");
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> engine.getManagementService().executeJob(recheck.getId()));
            }
        } finally {
            jdbc.execute("alter table enterprise_registry_entry_away rename to enterprise_registry_entry");
        }
        assertThat(account(accountId).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(grace.getProcessInstanceId())
                .singleResult().getActivityId()).isEqualTo("Activity_RecheckAccount");
    }

    @Test
    void aSweepReChecksEveryEnterpriseVerifiedAccountAndFreesEachSlotOnce() {
        String dissolved = TestIdentities.unifiedSocialCreditCode();
        String active = TestIdentities.unifiedSocialCreditCode();
        String unknown = TestIdentities.unifiedSocialCreditCode();
        // one dissolved enterprise verifies three accounts: each revocation frees one of its slots
        List<String> ofDissolved = List.of(enterprises.verified(NAME, ADDRESS, dissolved),
                enterprises.verified(NAME, ADDRESS, dissolved), enterprises.verified(NAME, ADDRESS, dissolved));
        String ofActive = enterprises.verified("Nimbus Edge Ltd.", "8 Harbour Road, Wan Chai", active);
        String ofUnknown = enterprises.verified("Nimbus Labs Ltd.", "9 Science Park Road", unknown);
        enterprises.register(dissolved, NAME, ADDRESS, EnterpriseStatus.DISSOLVED);
        enterprises.register(active, "NIMBUS EDGE LTD", "8, Harbour Road, Wan Chai", EnterpriseStatus.ACTIVE);
        assertThat(quotas.used(enterprises.identityKey(dissolved))).isEqualTo(3);

        ProcessInstance sweep = rechecks.startSweep();
        assertThat(RecheckJobs.runDueJobs(engine, sweep.getId())).isEmpty();

        assertThat(RecheckJobs.ended(engine, sweep.getId())).isTrue();
        ofDissolved.forEach(id -> assertRevoked(id, "ENTERPRISE_DISSOLVED"));
        ofDissolved.forEach(id -> assertThat(enterprises.revokedMessages(id)).isEqualTo(1));
        assertThat(quotas.used(enterprises.identityKey(dissolved))).isZero();
        assertThat(account(ofUnknown).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(findingReview(ofUnknown)).as("the unknown enterprise waits for a reviewer").isNotNull();
        assertThat(account(ofActive).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(quotas.used(enterprises.identityKey(active))).isEqualTo(1);
        long dispatched = (Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(sweep.getId()).variableName(Recheck.Var.ACCOUNTS_DISPATCHED).singleResult().getValue();
        assertThat(dispatched).isGreaterThanOrEqualTo(5);

        // a second sweep finds them already revoked: nothing is revoked or freed twice
        ProcessInstance again = rechecks.startSweep();
        assertThat(RecheckJobs.runDueJobs(engine, again.getId())).isEmpty();
        assertThat(RecheckJobs.ended(engine, again.getId())).isTrue();
        assertThat(quotas.used(enterprises.identityKey(dissolved))).isZero();
        assertThat(quotas.used(enterprises.identityKey(active))).isEqualTo(1);
        ofDissolved.forEach(id -> assertThat(enterprises.revokedMessages(id)).isEqualTo(1));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ofUnknown).count()).isEqualTo(1);
    }

    @Test
    void twoSweepsStartedAtTheSameMomentRevokeOnceAndReportEachFindingOnce() {
        String dissolved = TestIdentities.unifiedSocialCreditCode();
        String unknown = TestIdentities.unifiedSocialCreditCode();
        List<String> ofDissolved = List.of(enterprises.verified(NAME, ADDRESS, dissolved),
                enterprises.verified(NAME, ADDRESS, dissolved));
        String ofUnknown = enterprises.verified("Nimbus Labs Ltd.", "9 Science Park Road", unknown);
        enterprises.register(dissolved, NAME, ADDRESS, EnterpriseStatus.DISSOLVED);

        // as two nodes would: each works through its sweep's jobs at the same moment as the other
        List<com.nimbus.identity.support.Concurrently.Outcome<List<RuntimeException>>> outcomes =
                com.nimbus.identity.support.Concurrently.run(List.of(
                        () -> RecheckJobs.runDueJobs(engine, rechecks.startSweep().getId()),
                        () -> RecheckJobs.runDueJobs(engine, rechecks.startSweep().getId())));

        for (var outcome : outcomes) {
            assertThat(outcome.succeeded()).isTrue();
            // both threads may take the same job (no job executor's lock here): the engine's optimistic lock, the unique
            // delivery record, or the job already done and gone by the other thread makes one of the two give way;
            // anything else is a failure
            assertThat(outcome.value()).allSatisfy(failure -> assertThat(
                    failure instanceof org.camunda.bpm.engine.OptimisticLockingException
                            || failure instanceof org.springframework.dao.DuplicateKeyException
                            || String.valueOf(failure.getMessage()).contains("ENGINE-14026 No job found"))
                    .as("%s", failure).isTrue());
        }
        ofDissolved.forEach(id -> assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(Recheck.PROCESS_KEY).processInstanceBusinessKey(id).count()).isZero());
        ofDissolved.forEach(id -> assertRevoked(id, "ENTERPRISE_DISSOLVED"));
        ofDissolved.forEach(id -> assertThat(enterprises.revokedMessages(id)).isEqualTo(1));
        assertThat(quotas.used(enterprises.identityKey(dissolved))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from registry_finding where account_id = ?", Integer.class,
                ofUnknown)).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ofUnknown).count()).isEqualTo(1);
    }

    @Test
    void reCheckingAnAccountThatIsNoLongerVerifiedDoesNothing() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        enterprises.register(number, NAME, ADDRESS, EnterpriseStatus.DISSOLVED);
        recheckOne(accountId);
        Account revoked = account(accountId);
        assertThat(revoked.getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);

        recheckOne(accountId);

        Account after = account(accountId);
        assertThat(after.getRevokedAt()).isEqualTo(revoked.getRevokedAt());
        assertThat(quotas.used(enterprises.identityKey(number))).isZero();
        assertThat(enterprises.revokedMessages(accountId)).isEqualTo(1);
    }

    /**
     * A crash in the middle of a revocation (here: the database refuses the quota update right after the account was
     * revoked) rolls the finding's job back, and the job that runs it again revokes once.
     */
    @Test
    void aRevocationThatFailsHalfwayIsRolledBackAndRevokesOnceWhenItRunsAgain() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified(NAME, ADDRESS, number);
        enterprises.register(number, NAME, ADDRESS, EnterpriseStatus.DISSOLVED);
        String identityKey = enterprises.identityKey(number);
        String trigger = "recheck_fail_" + accountId.substring(0, 8);
        jdbc.execute("create function " + trigger + "() returns trigger language plpgsql as "
                + "$$ begin raise exception 'simulated crash'; end $$");
        jdbc.execute("create trigger " + trigger + " before update on identity_quota for each row "
                + "when (old.identity_key = '" + identityKey + "') execute function " + trigger + "()");
        ProcessInstance recheck = rechecks.recheckAccount(accountId);
        engine.getManagementService().executeJob(onlyJob(recheck).getId());
        ProcessInstance finding = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(Recheck.PROCESS_KEY).processInstanceBusinessKey(accountId)
                .variableValueEquals(Recheck.Var.FINDING, "DISSOLVED").singleResult();
        try {
            Job job = onlyJob(finding);
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                    .hasMessageContaining("simulated crash");

            assertThat(account(accountId).getStatus()).isEqualTo(VerificationStatus.VERIFIED);
            assertThat(quotas.used(identityKey)).isEqualTo(1);
            assertThat(onlyJob(finding).getRetries()).isEqualTo(2);
        } finally {
            jdbc.execute("drop trigger " + trigger + " on identity_quota");
            jdbc.execute("drop function " + trigger + "()");
        }

        engine.getManagementService().executeJob(onlyJob(finding).getId());
        RecheckJobs.runDueJobs(engine, recheck.getId());

        assertRevoked(accountId, "ENTERPRISE_DISSOLVED");
        assertThat(quotas.used(identityKey)).isZero();
        assertThat(enterprises.revokedMessages(accountId)).isEqualTo(1);
        assertThat(RecheckJobs.ended(engine, recheck.getId())).isTrue();
        assertThat(RecheckJobs.ended(engine, finding.getId())).isTrue();
    }

    @Test
    void theScheduleStartsASweepDailyAtTwo() {
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(Recheck.PROCESS_KEY)
                .timers().singleResult();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
        assertThat(due.getHour()).isEqualTo(2);
        assertThat(due.getMinute()).isZero();
        long before = sweeps();
        List<String> running = running();

        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        engine.getManagementService().executeJob(timer.getId());

        assertThat(sweeps()).isEqualTo(before + 1);
        Job next = engine.getManagementService().createJobQuery().processDefinitionKey(Recheck.PROCESS_KEY)
                .timers().singleResult();
        ZonedDateTime nextDue = next.getDuedate().toInstant().atZone(ZoneId.systemDefault());
        assertThat(nextDue.getHour()).isEqualTo(2);
        assertThat(nextDue.toLocalDate()).isEqualTo(due.toLocalDate().plusDays(1));
        // the sweep the timer started waits at its first job; it is not this test's business to run it
        List<String> started = running().stream().filter(id -> !running.contains(id)).toList();
        assertThat(started).hasSize(1);
        engine.getRuntimeService().deleteProcessInstance(started.get(0), "test of the timer");
    }

    private List<String> running() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Recheck.PROCESS_KEY)
                .list().stream().map(ProcessInstance::getId).toList();
    }

    private long sweeps() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(Recheck.PROCESS_KEY).count();
    }

    private void recheckOne(String accountId) {
        ProcessInstance recheck = rechecks.recheckAccount(accountId);
        assertThat(recheck.getBusinessKey()).isEqualTo(accountId);
        assertThat(RecheckJobs.runDueJobs(engine, recheck.getId())).isEmpty();
        assertThat(RecheckJobs.ended(engine, recheck.getId())).isTrue();
    }

    /** The open review of the account's registry finding. */
    private Task findingReview(String accountId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(accountId)
                .taskDefinitionKey("Activity_ReviewRegistryFinding").singleResult();
    }

    /** A reviewer claims the finding's review and decides, as in Tasklist; then its jobs run. */
    private void decideFinding(Task task, String decision) {
        engine.getTaskService().claim(task.getId(), "bob");
        engine.getTaskService().complete(task.getId(), Map.of("findingDecision", decision));
        RecheckJobs.runDueJobs(engine, task.getProcessInstanceId());
    }

    /** The grace period's timer of the account's open finding. */
    private Job graceTimer(String accountId) {
        ProcessInstance finding = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(Recheck.PROCESS_KEY).processInstanceBusinessKey(accountId)
                .variableValueEquals(Recheck.Var.FINDING, "DATA_MISMATCH").singleResult();
        return engine.getManagementService().createJobQuery().processInstanceId(finding.getId()).timers().singleResult();
    }

    /** Moves the engine's clock past the grace period and runs what follows. */
    private void endGracePeriod(String accountId, Job grace) {
        ClockUtil.setCurrentTime(Date.from(grace.getDuedate().toInstant().plusSeconds(1)));
        engine.getManagementService().executeJob(grace.getId());
        assertThat(RecheckJobs.runDueJobs(engine, grace.getProcessInstanceId())).isEmpty();
        assertThat(RecheckJobs.ended(engine, grace.getProcessInstanceId())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from registry_finding where open_account_id = ?", Integer.class,
                accountId)).isZero();
    }

    private int messages(String accountId, String event) {
        return jdbc.queryForObject("select count(*) from message where account_id = ? and event = ?", Integer.class,
                accountId, event);
    }

    private Job onlyJob(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Account account(String accountId) {
        return accountRepository.findById(accountId).orElseThrow();
    }

    private void assertRevoked(String accountId, String code) {
        Account account = account(accountId);
        assertThat(account.getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);
        assertThat(account.getRevocationCode()).isEqualTo(code);
        assertThat(account.getRevocationMessage()).isNotBlank();
        assertThat(account.getRevokedAt()).isNotNull();
        assertThat(account.getIdentityType()).isNull();
        assertThat(account.getIdentityKey()).isNull();
        assertThat(account.getVerifiedName()).isNull();
        assertThat(account.getMaskedDocumentNumber()).isNull();
    }
}
