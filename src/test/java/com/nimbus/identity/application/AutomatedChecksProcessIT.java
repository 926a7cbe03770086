package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.notification.MessageRepository;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.TestPdfs;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Every automated rejection path of identity-review: a hard failure rejects the application with all its
 * reasons at once before any reviewer sees it, and the holder is told; soft signals reach the reviewer instead.
 */
@IntegrationTest
class AutomatedChecksProcessIT {

    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;
    @Autowired ApplicationRepository applicationRepository;
    @Autowired MessageRepository messages;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    private VerificationApplication submit(Account account, String json, byte[]... pages) {
        VerificationApplication application = applications.submit(account.getId(), json, pages);
        fixtures.runJobs(application.getId());
        return applicationRepository.findById(application.getId()).orElseThrow();
    }

    private void assertRejectedAutomatically(VerificationApplication application, String... codes) {
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(application.getReasons()).extracting(Reason::code).containsExactly(codes);
        assertThat(application.getDecidedBy()).isEqualTo(Workflow.AUTOMATED_CHECKS_ACTOR);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(application.getId()).count()).as("no reviewer saw it").isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(application.getId())
                .processDefinitionKey(Workflow.IDENTITY_DECISION).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_ApplicationRejectedAutomatically");
        assertThat(messages.findByAccountIdOrderByCreatedAtDescIdDesc(application.getAccountId(), PageRequest.of(0, 1))
                .getContent()).singleElement().satisfies(m -> {
                    assertThat(m.getEvent().name()).isEqualTo("APPLICATION_REJECTED_AUTOMATICALLY");
                    assertThat(m.getBody()).contains(codes);
                });
    }

    @Test
    void anInvalidDocumentNumberIsRejected() {
        String valid = TestIdentities.cnResidentId();
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        VerificationApplication application = submit(fixtures.account("CN"),
                Fixtures.individualJson(valid.substring(0, 17) + wrongCheck), TestImages.documentPng());
        assertRejectedAutomatically(application, "DOCUMENT_NUMBER_INVALID");
    }

    @Test
    void aDocumentTypeTheRegionDoesNotAcceptIsRejected() {
        VerificationApplication application = submit(fixtures.account("GB"),
                Fixtures.individualJson("AB123456C"), TestImages.documentPng());
        assertRejectedAutomatically(application, "DOCUMENT_TYPE_NOT_ACCEPTED");
    }

    @Test
    void anUnreadablePhotoIsRejected() {
        byte[] png = TestImages.documentPng();
        byte[] damaged = Arrays.copyOf(png, 64);
        VerificationApplication application = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()), damaged);
        assertRejectedAutomatically(application, "IMAGE_UNREADABLE");
    }

    @Test
    void aDecompressionBombIsRejectedUnread() {
        VerificationApplication application = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.pngHeaderOnly(100_000, 100_000));
        assertRejectedAutomatically(application, "IMAGE_UNREADABLE");
    }

    @Test
    void aTooSmallPhotoIsRejected() {
        VerificationApplication application = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.tinyPng());
        assertRejectedAutomatically(application, "IMAGE_TOO_SMALL");
    }

    @Test
    void aBlurryPhotoIsRejected() {
        VerificationApplication application = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.blurryPng());
        assertRejectedAutomatically(application, "IMAGE_BLURRY");
    }

    @Test
    void everyFailingReasonIsToldAtOnce() {
        VerificationApplication application = submit(fixtures.account(),
                Fixtures.enterpriseJson("91110105MA00000000"), TestImages.blurryPng());
        assertRejectedAutomatically(application, "DOCUMENT_NUMBER_INVALID", "IMAGE_BLURRY");
    }

    @Test
    void oneBlurryPageAmongSharpOnesIsRejected() {
        VerificationApplication application = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), TestImages.blurryPng());
        assertRejectedAutomatically(application, "IMAGE_BLURRY");
    }

    @Test
    void aScannedPdfIsCheckedPageByPage() {
        VerificationApplication application = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestPdfs.scan(TestImages.document(), TestImages.otherScene()));
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        String summary = (String) engine.getTaskService().getVariable(fixtures.reviewTask(application.getId()).getId(),
                "checkSummary");
        assertThat(summary).contains("page 1: PDF, 1600 x 1013 px; page 2: PDF, 1600 x 1066 px");
    }

    @Test
    void aPdfPageThatIsOnlyAThumbnailIsTooSmall() {
        java.awt.image.BufferedImage thumbnail = new java.awt.image.BufferedImage(300, 190,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        thumbnail.createGraphics().drawImage(TestImages.document(), 0, 0, 300, 190, null);
        VerificationApplication application = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), TestPdfs.scan(thumbnail));
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(application.getReasons()).extracting(Reason::code).contains("IMAGE_TOO_SMALL");
    }

    @Test
    void theSamePhotoSentByAnotherAccountAsAPdfPageIsPointedOut() {
        java.awt.image.BufferedImage licence = TestImages.otherScene();
        VerificationApplication first = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.png(licence));
        assertThat(first.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        VerificationApplication second = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), TestPdfs.scan(licence));
        assertThat(second.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        String summary = (String) engine.getTaskService().getVariable(fixtures.reviewTask(second.getId()).getId(), "checkSummary");
        // page 1, a photo of the usual test document, may look like other tests' ones; page 2 is the licence again
        assertThat(summary).containsPattern("Same photo elsewhere \\| \\*\\*attention\\*\\* \\| page 1: [^|]*; page 2: "
                + "similar photo already submitted by another account \\(fingerprints [0-5] of 64 bits apart\\)");
    }

    @Test
    void softSignalsGoToTheReviewerInsteadOfRejecting() {
        byte[] samePhoto = TestImages.png(TestImages.otherScene());
        VerificationApplication first = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()), samePhoto);
        assertThat(first.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);

        VerificationApplication second = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()), samePhoto);
        assertThat(second.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        String summary = (String) engine.getTaskService().getVariable(fixtures.reviewTask(second.getId()).getId(), "checkSummary");
        assertThat(summary).contains("similar photo already submitted by another account", "**attention**");

        VerificationApplication nearBlurry = submit(fixtures.account(), Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.boxBlurredPng(7));
        assertThat(nearBlurry.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(Workflow.IDENTITY_REVIEW).processInstanceBusinessKey(nearBlurry.getId()).singleResult();
        assertThat(review).isWaitingAt(Workflow.USER_TASK_REVIEW)
                .variables().containsEntry("automatedChecksPassed", true);
        assertThat((String) engine.getRuntimeService().getVariable(review.getId(), "checkSummary"))
                .containsPattern("Photo sharpness \\| \\*\\*attention\\*\\* \\| blur score");
    }
}
