package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.document.page.DocumentPages;
import com.nimbus.identity.notification.MessageRepository;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.vocabulary.UserGroups;
import com.nimbus.identity.vocabulary.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reviewers' desk in identity-review: asking the holder for new pages (the wait, its timer, withdrawal while
 * waiting, the new pages back into the review of the reviewer who asked) and four eyes after an approval with a soft
 * signal.
 */
@IntegrationTest
class ReviewDeskProcessIT {

    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;
    @Autowired ApplicationRepository applicationRepository;
    @Autowired AccountRepository accounts;
    @Autowired MessageRepository messages;
    @Autowired DocumentPages documents;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ProcessInstance review(String applicationId) {
        return Processes.instance(engine, Workflow.IDENTITY_REVIEW, applicationId);
    }

    private ProcessInstance decision(String applicationId) {
        return Processes.instance(engine, Workflow.IDENTITY_DECISION, applicationId);
    }

    private String endOfDecision(String applicationId) {
        return Processes.historic(engine, Workflow.IDENTITY_DECISION, applicationId).getEndActivityId();
    }

    private VerificationApplication stored(String applicationId) {
        return applicationRepository.findById(applicationId).orElseThrow();
    }

    private void requestPhoto(String applicationId, String reviewer, String reasonsJson, String comment) {
        fixtures.decide(applicationId, reviewer, Variables.createVariables()
                .putValue("decision", "REQUEST_PHOTO")
                .putValueTyped("rejectionReasons", SpinValues.jsonValue(reasonsJson).create())
                .putValue("reviewComment", comment));
    }

    private List<String> deliveries(String applicationId, String event) {
        return jdbc.queryForList("select channel from notification_delivery where application_id = ? and event = ?",
                String.class, applicationId, event);
    }

    private List<String> events(String applicationId) {
        return jdbc.queryForList("select type from account_event where application_id = ? order by sequence",
                String.class, applicationId);
    }

    private VerificationApplication inReview(Account account) {
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(application.getId());
        return application;
    }

    @Test
    void askingForNewPagesTellsTheHolderWithTheReasonsAndWaits() {
        Account account = fixtures.account();
        VerificationApplication application = inReview(account);

        requestPhoto(application.getId(), "alice", "[\"DOCUMENT_UNCLEAR\",\"DOCUMENT_EXPIRED\"]",
                "The photo is dark; please send the back of the card too.");

        VerificationApplication waiting = stored(application.getId());
        assertThat(waiting.getStatus()).isEqualTo(ApplicationStatus.PHOTO_REQUESTED);
        assertThat(waiting.getReasons()).extracting(Reason::code).containsExactly("DOCUMENT_UNCLEAR", "DOCUMENT_EXPIRED");
        assertThat(waiting.getDecidedAt()).isNull();
        assertThat(applications.pendingApplicationId(account.getId())).contains(application.getId());
        assertThat(review(application.getId())).isWaitingAt("Gateway_WaitForNewPages", "Activity_NotifyPhotoRequest");
        assertThat(events(application.getId())).endsWith("application.photo_requested");

        fixtures.runJobs(application.getId());
        assertThat(deliveries(application.getId(), "PHOTO_REQUESTED"))
                .containsExactlyInAnyOrder("MESSAGE_CENTER", "EMAIL", "SMS");
        assertThat(messages.findByAccountIdOrderByCreatedAtDescIdDesc(account.getId(), PageRequest.of(0, 10)).getContent())
                .singleElement().satisfies(m -> assertThat(m.getBody()).contains("DOCUMENT_UNCLEAR", "DOCUMENT_EXPIRED",
                        "The photo is dark; please send the back of the card too."));
        assertThat(review(application.getId())).isWaitingAt("Gateway_WaitForNewPages");
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(review(application.getId())
                .getId()).eventName(Workflow.MESSAGE_DOCUMENT_REPLACED).count()).isEqualTo(1);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(review(application.getId()).getId())
                .timers().count()).as("the photo wait").isEqualTo(1);
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);
    }

    @Test
    void withoutNewPagesTheWaitEndsInARejectionForAnUnclearDocument() {
        Account account = fixtures.account();
        VerificationApplication application = inReview(account);
        requestPhoto(application.getId(), "alice", "[\"DOCUMENT_EXPIRED\"]", null);
        fixtures.runJobs(application.getId());
        Instant asked = ClockUtil.getCurrentTime().toInstant();

        ClockUtil.setCurrentTime(Date.from(asked.plus(Duration.ofDays(13))));
        fixtures.runJobs(application.getId());
        assertThat(stored(application.getId()).getStatus()).as("still waiting on day 13")
                .isEqualTo(ApplicationStatus.PHOTO_REQUESTED);

        ClockUtil.setCurrentTime(Date.from(asked.plus(Duration.ofDays(14)).plusSeconds(60)));
        fixtures.runJobs(application.getId());

        VerificationApplication rejected = stored(application.getId());
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.getReasons()).extracting(Reason::code).containsExactly("DOCUMENT_UNCLEAR");
        assertThat(rejected.getDecidedBy()).isEqualTo("alice");
        assertThat(endOfDecision(application.getId())).isEqualTo("EndEvent_ApplicationRejected");
        assertThat(deliveries(application.getId(), "APPLICATION_REJECTED"))
                .containsExactlyInAnyOrder("MESSAGE_CENTER", "EMAIL", "SMS");
        assertThat(applications.pendingApplicationId(account.getId())).isEmpty();
    }

    @Test
    void theHolderMayWithdrawWhileTheReviewWaitsForNewPages() {
        Account account = fixtures.account();
        VerificationApplication application = inReview(account);
        requestPhoto(application.getId(), "alice", "[\"DOCUMENT_UNCLEAR\"]", null);
        fixtures.runJobs(application.getId());

        assertThat(applications.withdraw(account.getId(), application.getId()).getStatus())
                .isEqualTo(ApplicationStatus.WITHDRAWN);

        assertThat(review(application.getId())).isNull();
        assertThat(decision(application.getId())).hasPassed("Activity_RecordWithdrawal");
        fixtures.runJobs(application.getId());
        assertThat(endOfDecision(application.getId())).isEqualTo("EndEvent_ApplicationWithdrawn");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(
                decision(application.getId()) == null ? "none" : decision(application.getId()).getId()).count()).isZero();
        assertThatThrownBy(() -> applications.replaceDocument(account.getId(), application.getId(),
                TestImages.documentPng()))
                .isInstanceOfSatisfying(ApplicationNotWaiting.class,
                        e -> assertThat(e.code()).isEqualTo("APPLICATION_NOT_WAITING"));
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);
    }

    @Test
    void newPagesRunTheChecksAgainAndComeBackToTheReviewerWhoAsked() {
        Account account = fixtures.account();
        VerificationApplication application = inReview(account);
        requestPhoto(application.getId(), "bob", "[\"DOCUMENT_UNCLEAR\"]", "Please send both sides.");
        fixtures.runJobs(application.getId());

        VerificationApplication resubmitted = applications.replaceDocument(account.getId(), application.getId(),
                TestImages.documentPng(), TestImages.documentJpeg());

        assertThat(resubmitted.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(stored(application.getId()).getReasons()).isEmpty();
        assertThat(documents.pageCount(application.getId())).isEqualTo(2);
        assertThat(review(application.getId())).isWaitingAt("Activity_RunAutomatedChecks");

        fixtures.runJobs(application.getId());
        assertThat(stored(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        Task task = fixtures.reviewTask(application.getId());
        assertThat(task.getAssignee()).as("offered first to the reviewer who asked").isEqualTo("bob");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .as("still a task of the reviewers, so a supervisor can reassign it").contains(UserGroups.REVIEWERS);
        assertThat(engine.getTaskService().getVariable(task.getId(), "documentPageCount")).isEqualTo(2);
        assertThat(engine.getTaskService().getVariable(task.getId(), "documentPage2Url")).asString()
                .endsWith("/review/applications/" + application.getId() + "/pages/2");

        // a second request is told again, on every channel
        engine.getTaskService().complete(task.getId(), Variables.createVariables()
                .putValue("decision", "REQUEST_PHOTO")
                .putValueTyped("rejectionReasons", SpinValues.jsonValue("[\"NUMBER_MISMATCH\"]").create()));
        fixtures.runJobs(application.getId());
        assertThat(deliveries(application.getId(), "PHOTO_REQUESTED")).hasSize(6);
        applications.replaceDocument(account.getId(), application.getId(), TestImages.documentPng());
        fixtures.runJobs(application.getId());
        assertThat(documents.pageCount(application.getId())).isEqualTo(1);
        assertThat(fixtures.reviewTask(application.getId()).getAssignee()).isEqualTo("bob");

        engine.getTaskService().complete(fixtures.reviewTask(application.getId()).getId(), Map.of("decision", "APPROVE"));
        if (fixtures.secondReviewTask(application.getId()) != null) {
            engine.getTaskService().claim(fixtures.secondReviewTask(application.getId()).getId(), "alice");
            engine.getTaskService().complete(fixtures.secondReviewTask(application.getId()).getId(),
                    Map.of("decision", "APPROVE"));
        }
        fixtures.runJobs(application.getId());
        assertThat(stored(application.getId()).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);
    }

    /** An account whose first application was rejected today: its next approval needs a second reviewer. */
    private VerificationApplication afterARecentRejection(Account account) {
        VerificationApplication first = inReview(account);
        fixtures.reject(first.getId(), "[\"NAME_MISMATCH\"]", null);
        fixtures.runJobs(first.getId());
        VerificationApplication second = inReview(account);
        fixtures.decide(second.getId(), "alice", Map.of("decision", "APPROVE"));
        return second;
    }

    @Test
    void anApprovalAfterARecentRejectionStandsOnlyWhenASecondReviewerApprovesToo() {
        Account account = fixtures.account();
        VerificationApplication application = afterARecentRejection(account);

        assertThat(review(application.getId())).isWaitingAt(Workflow.USER_TASK_SECOND_REVIEW).task()
                .hasCandidateGroup(UserGroups.REVIEWERS);
        assertThat(stored(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);
        Task second = fixtures.secondReviewTask(application.getId());
        assertThat(engine.getTaskService().getVariable(second.getId(), "firstReviewer")).isEqualTo("alice");
        assertThat(engine.getTaskService().getVariable(second.getId(), "documentUrl")).isNotNull();

        assertThatThrownBy(() -> engine.getTaskService().claim(second.getId(), "alice"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Four eyes");
        assertThat(fixtures.secondReviewTask(application.getId()).getAssignee()).isNull();
        engine.getTaskService().claim(second.getId(), "bob");
        engine.getTaskService().complete(second.getId(), Map.of("decision", "APPROVE"));
        fixtures.runJobs(application.getId());

        VerificationApplication approved = stored(application.getId());
        assertThat(approved.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.getDecidedBy()).isEqualTo("bob");
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(endOfDecision(application.getId())).isNull(); // the change lock holds the instance
        assertThat(decision(application.getId())).hasPassed("EndEvent_AccountVerified");
    }

    @Test
    void theSecondReviewerMayRejectWithReasons() {
        Account account = fixtures.account();
        VerificationApplication application = afterARecentRejection(account);
        Task second = fixtures.secondReviewTask(application.getId());
        engine.getTaskService().claim(second.getId(), "bob");

        assertThatThrownBy(() -> engine.getTaskService().complete(second.getId(), Map.of("decision", "REQUEST_PHOTO")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("one of APPROVE, REJECT");
        engine.getTaskService().complete(second.getId(), Variables.createVariables()
                .putValue("decision", "REJECT")
                .putValueTyped("rejectionReasons", SpinValues.jsonValue("[\"DOCUMENT_ALTERED\"]").create())
                .putValue("reviewComment", "The date of birth was edited."));
        fixtures.runJobs(application.getId());

        VerificationApplication rejected = stored(application.getId());
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.getReasons()).extracting(Reason::code).containsExactly("DOCUMENT_ALTERED");
        assertThat(rejected.getDecidedBy()).isEqualTo("bob");
        assertThat(endOfDecision(application.getId())).isEqualTo("EndEvent_ApplicationRejected");
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.UNVERIFIED);
    }
}
