package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case at a glance on the review task: the account's earlier applications, the identity's quota, the other
 * pending application behind a same-photo warning (its page served to the task's reviewers only while both are
 * pending), the identity a change replaces; and the supervisors' page for supervisors only.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CaseAtAGlanceIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;

    private Object variable(String applicationId, String name) {
        return engine.getTaskService().getVariable(fixtures.reviewTask(applicationId).getId(), name);
    }

    private int status(String user, String path) {
        ApiClient browser = ApiClient.anonymous(port);
        assertThat(browser.loginToTasklist(user, user).status()).isEqualTo(200);
        return browser.get(path).status();
    }

    /**
     * Sharp photos no other test sends (nested frames, or stripes), so that a same-photo warning is about this test's
     * applications only, whatever other tests left waiting.
     */
    private static byte[] photoOfThisTestOnly(boolean frames) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1200, 800,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        for (int i = 0; i < 20; i++) {
            g.setColor(i % 2 == 0 ? new java.awt.Color(20, 90, 40) : new java.awt.Color(240, 235, 200));
            if (frames) {
                g.fillRect(i * 30, i * 20, 1200 - i * 60, 800 - i * 40);
            } else {
                g.fillRect(i * 60, 0, 60, 800);
            }
        }
        g.dispose();
        return TestImages.png(image);
    }

    private String submit(String accountId, byte[] photo) {
        String id = applications.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()), photo).getId();
        fixtures.runJobs(id);
        return id;
    }

    @Test
    void aSamePhotoWarningShowsTheOtherPendingPageToTheTasksReviewersOnly(CapturedOutput output) {
        byte[] photo = photoOfThisTestOnly(true);
        String first = submit(fixtures.account().getId(), photo);
        String second = submit(fixtures.account().getId(), photo);
        String unrelated = submit(fixtures.account().getId(), photoOfThisTestOnly(false));

        String url = (String) variable(second, "similarPageUrl");
        assertThat(url).endsWith("/review/applications/" + second + "/similar/" + first + "/pages/1");
        String path = url.substring(url.indexOf("/review/"));
        assertThat(status("alice", path)).isEqualTo(200);
        assertThat(status("carol", path)).as("not a candidate of the task").isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get(path).status()).isEqualTo(401);
        // only the page the warning is about, never another application by its id
        assertThat(status("alice", "/review/applications/" + second + "/similar/" + unrelated + "/pages/1")).isEqualTo(404);
        assertThat(status("alice", "/review/applications/" + second + "/similar/" + first + "/pages/2")).isEqualTo(404);
        assertThat(variable(unrelated, "similarPageUrl")).isNull();

        fixtures.approve(first);
        fixtures.runJobs(first);
        assertThat(status("alice", path)).as("the other application is decided").isEqualTo(404);
        assertThat(output).contains("Review similar page 1 of application " + first + " of application " + second
                        + " allowed to user alice")
                .contains("Similar page 1 of application " + first + " refused beside application " + second
                        + ": no longer pending");
    }

    @Test
    void theAccountsEarlierApplicationsAndTheQuotaAreOnTheTask() {
        String accountId = fixtures.account().getId();
        String rejected = fixtures.submitIndividual(accountId).getId();
        fixtures.runJobs(rejected);
        fixtures.reject(rejected, "[\"NAME_MISMATCH\",\"DOCUMENT_EXPIRED\"]", "see the card");
        fixtures.runJobs(rejected);
        String now = fixtures.submitIndividual(accountId).getId();
        fixtures.runJobs(now);

        assertThat((String) variable(now, "caseHistory")).contains("identity card: **rejected** (NAME_MISMATCH, DOCUMENT_EXPIRED)")
                .doesNotContain("see the card").doesNotContain("Wang");
        assertThat((String) variable(now, "caseHistoryZh")).contains("身份证：**已拒绝**（NAME_MISMATCH, DOCUMENT_EXPIRED）");
        assertThat(variable(now, "quotaUsage")).isEqualTo("0 / 1");
        assertThat(variable(now, "currentIdentityUrl")).isNull();
        assertThat(fixtures.reviewTask(now).getName())
                .isEqualTo("Review individual identity card application · 审核个人身份证申请");
    }

    @Test
    void aChangeShowsTheIdentityTheAccountHoldsNow() {
        String accountId = fixtures.account().getId();
        fixtures.verifiedIndividual(accountId);
        String change = fixtures.submitEnterprise(accountId, TestIdentities.unifiedSocialCreditCode()).getId();
        fixtures.runJobs(change);

        Task review = fixtures.reviewTask(change);
        assertThat(review.getName()).isEqualTo("Review enterprise business license change · 审核企业营业执照变更");
        assertThat((String) variable(change, "caseHistory")).contains("first verification, individual identity card: **approved**");
        assertThat(variable(change, "quotaUsage")).isEqualTo("0 / 5");
        String url = (String) variable(change, "currentIdentityUrl");
        assertThat(url).endsWith("/review/applications/" + change + "/current-identity.png");
        ApiClient alice = ApiClient.anonymous(port);
        alice.loginToTasklist("alice", "alice");
        ApiClient.Response image = alice.get(url.substring(url.indexOf("/review/")));
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(status("owen", url.substring(url.indexOf("/review/")))).isEqualTo(403);
    }

    @Test
    void theSupervisorsPageIsForSupervisors() {
        assertThat(status("carol", "/review/supervision")).isEqualTo(200);
        assertThat(status("alice", "/review/supervision")).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/review/supervision").status()).isEqualTo(401);
    }
}
