package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.notification.MessageRepository;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestSmtp;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.UserGroups;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Every path of identity-verification and identity-review, driven as the API and reviewers drive them. */
@IntegrationTest
class InitialVerificationProcessIT {

    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;
    @Autowired ApplicationRepository applicationRepository;
    @Autowired AccountRepository accounts;
    @Autowired MessageRepository messages;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    /** The identity-decision instance the verification calls: the review, the decision and the change lock. */
    private ProcessInstance verification(String applicationId) {
        return Processes.instance(engine, Workflow.IDENTITY_DECISION, applicationId);
    }

    private ProcessInstance review(String applicationId) {
        return Processes.instance(engine, Workflow.IDENTITY_REVIEW, applicationId);
    }

    private HistoricProcessInstance finished(String applicationId) {
        return Processes.historic(engine, Workflow.IDENTITY_DECISION, applicationId);
    }

    @Test
    void individualIsApprovedAndTheAccountVerified() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        assertThat(Processes.instance(engine, Workflow.IDENTITY_VERIFICATION, application.getId()))
                .isWaitingAt("Activity_DecideApplication");
        ProcessInstance parent = verification(application.getId());
        assertThat(parent).isWaitingAt("Activity_ReviewApplication");
        ProcessInstance child = review(application.getId());
        assertThat(child).isWaitingAt("Activity_RunAutomatedChecks");
        assertThat(applicationRepository.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.SUBMITTED);

        fixtures.runJobs(application.getId());
        assertThat(child).isWaitingAt(Workflow.USER_TASK_REVIEW).task()
                .hasCandidateGroup(UserGroups.REVIEWERS);
        Task task = fixtures.reviewTask(application.getId());
        assertThat(task.getDueDate()).isAfter(task.getCreateTime());
        assertThat(applicationRepository.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);

        fixtures.approve(application.getId());
        assertThat(parent).hasPassed("Activity_VerifyAccount").isWaitingAt("Activity_NotifyApproval");
        Account verified = accounts.findById(account.getId()).orElseThrow();
        assertThat(verified.getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.getIdentityType()).isEqualTo(IdentityType.INDIVIDUAL);
        assertThat(verified.getVerifiedName()).isEqualTo("Wang Xiaoming");
        assertThat(verified.getMaskedDocumentNumber()).startsWith("**************").hasSize(18);

        fixtures.runJobs(application.getId());
        assertThat(parent).hasPassed("EndEvent_AccountVerified").isWaitingAt("Event_ChangeLockExpires");
        assertThat(verified.getChangeLockedUntil()).isEqualTo(verified.getVerifiedAt().plus(java.time.Duration.ofDays(30)));
        VerificationApplication decided = applicationRepository.findById(application.getId()).orElseThrow();
        assertThat(decided.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(decided.getDecidedBy()).isEqualTo("alice");
        assertThat(messages.findByAccountIdOrderByCreatedAtDescIdDesc(account.getId(), PageRequest.of(0, 10)))
                .extracting(m -> m.getEvent().name()).containsExactly("APPLICATION_APPROVED");
        assertThat(jdbc.queryForList("select channel from notification_delivery where application_id = ? and event = ?",
                String.class, application.getId(), "APPLICATION_APPROVED"))
                .containsExactlyInAnyOrder("MESSAGE_CENTER", "EMAIL", "SMS");
    }

    @Test
    void enterpriseIsApproved() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitEnterprise(account.getId(), TestIdentities.unifiedSocialCreditCode());
        fixtures.runJobs(application.getId());
        fixtures.approve(application.getId());
        fixtures.runJobs(application.getId());

        assertThat(verification(application.getId())).hasPassed("EndEvent_AccountVerified")
                .isWaitingAt("Event_ChangeLockExpires");
        Account verified = accounts.findById(account.getId()).orElseThrow();
        assertThat(verified.getIdentityType()).isEqualTo(IdentityType.ENTERPRISE);
        assertThat(verified.getVerifiedName()).isEqualTo("Beijing Example Technology Co., Ltd.");
    }

    @Test
    void rejectionCarriesTheReviewersReasonsAndTheHolderResubmits() {
        Account account = fixtures.account();
        VerificationApplication first = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(first.getId());
        fixtures.reject(first.getId(), "[\"NAME_MISMATCH\",\"DOCUMENT_UNCLEAR\"]", "The name is spelled differently.");
        fixtures.runJobs(first.getId());

        assertThat(finished(first.getId()).getEndActivityId()).isEqualTo("EndEvent_ApplicationRejected");
        VerificationApplication rejected = applicationRepository.findById(first.getId()).orElseThrow();
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.getReasons()).extracting(Reason::code).containsExactly("NAME_MISMATCH", "DOCUMENT_UNCLEAR");
        assertThat(rejected.getReviewComment()).isEqualTo("The name is spelled differently.");
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);
        assertThat(messages.findByAccountIdOrderByCreatedAtDescIdDesc(account.getId(), PageRequest.of(0, 10)).getContent())
                .singleElement().satisfies(m -> assertThat(m.getBody()).contains("NAME_MISMATCH", "DOCUMENT_UNCLEAR",
                        "The name is spelled differently."));

        VerificationApplication second = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(second.getId());
        fixtures.approve(second.getId());
        fixtures.runJobs(second.getId());
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(applications.list(account.getId())).extracting(VerificationApplication::getStatus)
                .containsExactly(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED);
    }

    @Test
    void aRejectionWithoutReasonsOrWithAnUnknownDecisionIsRefused() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(application.getId());

        assertThatThrownBy(() -> fixtures.decide(application.getId(), "alice", Map.of("decision", "REJECT")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("at least one reason");
        assertThatThrownBy(() -> fixtures.decide(application.getId(), "alice", Map.of("decision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("one of APPROVE, REJECT");
        assertThatThrownBy(() -> fixtures.reject(application.getId(), "[\"QUOTA_EXCEEDED\"]", null))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("QUOTA_EXCEEDED");
        assertThat(review(application.getId())).isWaitingAt(Workflow.USER_TASK_REVIEW);
        assertThat(applicationRepository.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void withdrawalDuringTheAutomatedChecksLeavesTheAccountAsItWas() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());

        VerificationApplication withdrawn = applications.withdraw(account.getId(), application.getId());

        assertThat(withdrawn.getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(review(application.getId())).isNull();
        assertThat(verification(application.getId())).hasPassed("Activity_RecordWithdrawal")
                .isWaitingAt("Activity_NotifyWithdrawal");
        fixtures.runJobs(application.getId());
        assertThat(finished(application.getId()).getEndActivityId()).isEqualTo("EndEvent_ApplicationWithdrawn");
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);
        assertThat(applications.pendingApplicationId(account.getId())).isEmpty();
    }

    @Test
    void withdrawalWhileAReviewerHoldsTheTaskRemovesTheTask() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(application.getId());
        Task task = fixtures.reviewTask(application.getId());
        engine.getTaskService().claim(task.getId(), "alice");

        applications.withdraw(account.getId(), application.getId());

        assertThat(fixtures.reviewTask(application.getId())).isNull();
        assertThat(applicationRepository.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.WITHDRAWN);
        // withdrawing twice answers the same; withdrawing a decided application is refused
        assertThat(applications.withdraw(account.getId(), application.getId()).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        VerificationApplication approved = fixtures.verifiedIndividual(account.getId());
        assertThatThrownBy(() -> applications.withdraw(account.getId(), approved.getId()))
                .isInstanceOfSatisfying(ApplicationDecided.class, e -> assertThat(e.code()).isEqualTo("APPLICATION_DECIDED"));
    }

    /** How many executions of the application's instances wait for ApplicationWithdrawn: the correlation's targets. */
    private long waitingForWithdrawal(String applicationId) {
        return Processes.instances(engine, applicationId).stream()
                .mapToLong(pi -> engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                        .eventName(Workflow.MESSAGE_WITHDRAWN).count())
                .sum();
    }

    @Test
    void exactlyOneInstanceWaitsForTheWithdrawalInEveryPendingStateAndNoneOnceDecided() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        assertThat(Processes.instances(engine, application.getId())).as("verification, decision, review").hasSize(3);
        assertThat(waitingForWithdrawal(application.getId())).as("during the automated checks").isEqualTo(1);
        fixtures.runJobs(application.getId());
        assertThat(waitingForWithdrawal(application.getId())).as("in the reviewers' queue").isEqualTo(1);
        engine.getTaskService().claim(fixtures.reviewTask(application.getId()).getId(), "alice");
        assertThat(waitingForWithdrawal(application.getId())).as("claimed by a reviewer").isEqualTo(1);
        fixtures.approve(application.getId());
        fixtures.runJobs(application.getId());
        assertThat(waitingForWithdrawal(application.getId())).as("decided, in the change lock").isZero();
    }

    @Test
    void withdrawalWhileTheOverdueReviewIsBeingEscalatedCancelsTheEscalation() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(application.getId());
        var timer = engine.getManagementService().createJobQuery().processInstanceId(review(application.getId()).getId())
                .timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        assertThat(Processes.dueJobs(engine, application.getId())).as("the escalation waits for its job").isNotEmpty();
        assertThat(waitingForWithdrawal(application.getId())).isEqualTo(1);

        applications.withdraw(account.getId(), application.getId());
        fixtures.runJobs(application.getId());

        assertThat(applicationRepository.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(Processes.instances(engine, application.getId())).isEmpty();
        assertThat(finished(application.getId()).getEndActivityId()).isEqualTo("EndEvent_ApplicationWithdrawn");
        assertThat(TestSmtp.running().getReceivedMessages()).as("no supervisor is told of a withdrawn review")
                .noneSatisfy(mail -> {
                    assertThat(mail.getSubject()).isEqualTo("A verification review is overdue");
                    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains(application.getId());
                });
    }

    @Test
    void anOverdueReviewIsEscalatedToSupervisors() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(application.getId());
        assertThat(Processes.dueJobs(engine, application.getId())).isEmpty();

        var timer = engine.getManagementService().createJobQuery().processInstanceId(review(application.getId()).getId())
                .timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(fixtures.reviewTask(application.getId()).getDueDate());
        engine.getManagementService().executeJob(timer.getId());
        fixtures.runJobs(application.getId());

        assertThat(review(application.getId())).hasPassed("Activity_NotifySupervisors", "EndEvent_ReviewEscalated")
                .isWaitingAt(Workflow.USER_TASK_REVIEW)
                .task().hasCandidateGroup(UserGroups.SUPERVISORS).hasCandidateGroup(UserGroups.REVIEWERS);
        assertThat(TestSmtp.running().getReceivedMessages()).anySatisfy(mail -> {
            assertThat(mail.getAllRecipients()).extracting(Object::toString).contains("carol@example.com");
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains(application.getId());
        });
    }
}
