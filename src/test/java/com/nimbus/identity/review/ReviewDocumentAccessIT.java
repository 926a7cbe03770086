package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The document photo and the entered data reach a webapp user only while she may work on that application's review:
 * a candidate (reviewers; supervisors once it is escalated) or the assignee. Every attempt is logged with the user and
 * the application's id, and nothing of the applicant.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReviewDocumentAccessIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;

    String applicationId;
    String documentNumber;

    @BeforeEach
    void anApplicationInReview() {
        ApiClient console = ApiClient.as(port, "console", "console");
        String accountId = console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
        documentNumber = TestIdentities.cnResidentId();
        applicationId = console.submit(accountId, Fixtures.individualJson(documentNumber), TestImages.documentPng(),
                "id.png").json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);
    }

    private int photoStatusFor(String user) {
        ApiClient browser = ApiClient.anonymous(port);
        assertThat(browser.loginToTasklist(user, user).status()).isEqualTo(200);
        return browser.get("/review/applications/" + applicationId + "/document").status();
    }

    private int enteredDataStatusFor(String user) {
        ApiClient browser = ApiClient.anonymous(port);
        assertThat(browser.loginToTasklist(user, user).status()).isEqualTo(200);
        return browser.get("/review/applications/" + applicationId + "/entered-data.png").status();
    }

    @Test
    void candidatesSeeThePhotoAndNobodyElse(CapturedOutput output) {
        assertThat(photoStatusFor("alice")).isEqualTo(200);
        assertThat(enteredDataStatusFor("bob")).isEqualTo(200);
        assertThat(photoStatusFor("carol")).as("a supervisor before escalation").isEqualTo(403);
        assertThat(enteredDataStatusFor("carol")).isEqualTo(403);
        assertThat(photoStatusFor("owen")).as("a process owner").isEqualTo(403);
        assertThat(photoStatusFor("demo")).as("an administrator").isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/review/applications/" + applicationId + "/document").status())
                .isEqualTo(401);

        assertThat(output).contains("Review page 1 of application " + applicationId + " allowed to user alice")
                .contains("Review entered data of application " + applicationId + " allowed to user bob")
                .contains("Review page 1 of application " + applicationId + " refused to user carol")
                .contains("Review page 1 of application " + applicationId + " refused to user owen")
                .contains("Review page 1 of application " + applicationId + " refused: no webapp session")
                .doesNotContain(documentNumber).doesNotContain("Wang Xiaoming");
    }

    @Test
    void supervisorsSeeItOnceTheReviewIsEscalatedAndTheAssigneeKeepsIt() {
        engine.getTaskService().claim(fixtures.reviewTask(applicationId).getId(), "alice");
        assertThat(photoStatusFor("alice")).isEqualTo(200);

        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(
                fixtures.reviewTask(applicationId).getProcessInstanceId()).timers().singleResult();
        engine.getManagementService().executeJob(overdue.getId());
        Processes.executeJobs(engine, applicationId);

        assertThat(photoStatusFor("carol")).isEqualTo(200);
    }

    @Test
    void nobodySeesItOnceDecided() {
        fixtures.approve(applicationId);
        Processes.executeJobs(engine, applicationId);

        assertThat(photoStatusFor("alice")).isEqualTo(404);
    }
}
