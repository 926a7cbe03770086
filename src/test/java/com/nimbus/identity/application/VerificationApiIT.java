package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.TestPdfs;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole flow over HTTP, as the console's backend and a reviewer in Tasklist drive it, on PostgreSQL. */
@IntegrationTest
class VerificationApiIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired Fixtures fixtures;

    ApiClient console;

    @BeforeEach
    void setUp() {
        console = ApiClient.as(port, "console", "console");
    }

    private String newAccount() {
        Response created = console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("UNVERIFIED");
        return created.json().get("accountId").asText();
    }

    private String reviewTaskId(ApiClient reviewer, String applicationId) {
        JsonNode tasks = reviewer.get("/engine-rest/task?processInstanceBusinessKey=" + applicationId).json();
        assertThat(tasks).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    @Test
    void anApplicationSubmittedThroughTheApiIsReviewedInTasklistAndVerifiesTheAccount() {
        String accountId = newAccount();
        String number = TestIdentities.cnResidentId();
        byte[] photo = TestImages.documentPng();

        Response submitted = console.submit(accountId, Fixtures.individualJson(number), photo, "id.png");
        assertThat(submitted.status()).isEqualTo(202);
        assertThat(submitted.json().get("kind").asText()).isEqualTo("INITIAL");
        assertThat(submitted.json().get("status").asText()).isEqualTo("SUBMITTED");
        String applicationId = submitted.json().get("applicationId").asText();
        assertThat(console.get("/api/accounts/" + accountId + "/verification").json().get("pendingApplicationId").asText())
                .isEqualTo(applicationId);

        Processes.executeJobs(engine, applicationId);
        assertThat(console.get("/api/accounts/" + accountId + "/verification-applications/" + applicationId).json()
                .get("status").asText()).isEqualTo("IN_REVIEW");

        // alice, logged into Tasklist, sees the photo and the entered data next to the form
        ApiClient browser = ApiClient.anonymous(port);
        assertThat(browser.loginToTasklist("alice", "alice").status()).isEqualTo(200);
        Response image = browser.get("/review/applications/" + applicationId + "/document");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(TestImages.samePicture(image.body(), photo)).as("the photo, encoded again from its pixels").isTrue();
        Response entered = browser.get("/review/applications/" + applicationId + "/entered-data.png");
        assertThat(entered.status()).isEqualTo(200);
        assertThat(Arrays.copyOf(entered.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');

        // she claims and approves it through the engine's REST API, as Tasklist does
        ApiClient alice = ApiClient.as(port, "alice", "alice");
        String taskId = reviewTaskId(alice, applicationId);
        JsonNode form = alice.get("/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(form.get("documentUrl").get("value").asText()).endsWith("/review/applications/" + applicationId + "/document");
        assertThat(alice.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"alice\"}").status()).isEqualTo(204);
        assertThat(alice.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}").status()).isEqualTo(204);
        Processes.executeJobs(engine, applicationId);

        JsonNode verification = console.get("/api/accounts/" + accountId + "/verification").json();
        assertThat(verification.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(verification.get("identityType").asText()).isEqualTo("INDIVIDUAL");
        assertThat(verification.get("verifiedName").asText()).isEqualTo("Wang Xiaoming");
        assertThat(verification.get("maskedDocumentNumber").asText()).endsWith(number.substring(14)).doesNotContain(number.substring(0, 6));
        assertThat(verification.get("verifiedAt").isNull()).isFalse();
        assertThat(verification.get("pendingApplicationId").isNull()).isTrue();
        JsonNode application = console.get("/api/accounts/" + accountId + "/verification-applications/" + applicationId).json();
        assertThat(application.get("status").asText()).isEqualTo("APPROVED");
        assertThat(application.get("decidedAt").isNull()).isFalse();
        JsonNode entitlements = console.get("/api/accounts/" + accountId + "/entitlements?region=ap-guangzhou").json();
        assertThat(entitlements.get("mainlandChina").asBoolean()).isTrue();
        assertThat(entitlements.get("entitlements")).anySatisfy(e -> {
            assertThat(e.get("entitlement").asText()).isEqualTo("ORGANISATION_RESOURCES");
            assertThat(e.get("allowed").asBoolean()).isFalse();
            assertThat(e.get("reason").asText()).isNotBlank();
        });
        assertThat(entitlements.get("entitlements")).anySatisfy(e -> {
            assertThat(e.get("entitlement").asText()).isEqualTo("INDIVIDUAL_RESOURCES");
            assertThat(e.get("allowed").asBoolean()).isTrue();
        });
        JsonNode messages = console.get("/api/accounts/" + accountId + "/messages").json();
        assertThat(messages.get("items")).hasSize(1);
        assertThat(messages.get("items").get(0).get("event").asText()).isEqualTo("APPLICATION_APPROVED");

        // the photo is gone from reviewers once decided; the document number never entered the engine's tables
        assertThat(browser.get("/review/applications/" + applicationId + "/document").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where text_ like ? or text2_ like ?",
                Integer.class, "%" + number + "%", "%" + number + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ge_bytearray where position(convert_to(?, 'UTF8') in bytes_) > 0",
                Integer.class, number)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from verification_application where document_number_enc like ?",
                Integer.class, "%" + number + "%")).isZero();
    }

    @Test
    void aDocumentOfSeveralPagesIsCheckedAndShownToTheReviewerPageByPage() throws Exception {
        String accountId = newAccount();
        byte[] front = TestImages.documentPng();
        byte[] back = TestImages.documentJpeg();
        byte[] licence = TestPdfs.scanOfPages(2);
        Response submitted = console.submitParts(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                List.of(front, back, licence));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String applicationId = submitted.json().get("applicationId").asText();
        assertThat(jdbc.queryForList("select content_type from document_page where application_id = ? order by page_no",
                String.class, applicationId)).containsExactly("image/png", "image/jpeg", "application/pdf", "application/pdf");

        Processes.executeJobs(engine, applicationId);
        assertThat(console.get("/api/accounts/" + accountId + "/verification-applications/" + applicationId).json()
                .get("status").asText()).isEqualTo("IN_REVIEW");
        ApiClient alice = ApiClient.as(port, "alice", "alice");
        String taskId = reviewTaskId(alice, applicationId);
        JsonNode form = alice.get("/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(form.at("/documentPageCount/value").asInt()).isEqualTo(4);
        for (int page = 1; page <= 4; page++) {
            assertThat(form.at("/documentPage" + page + "Url/value").asText())
                    .endsWith("/review/applications/" + applicationId + "/pages/" + page);
        }
        assertThat(form.at("/checkSummary/value").asText()).contains("page 4: PDF, 1600 x 1013 px");

        ApiClient browser = ApiClient.anonymous(port);
        assertThat(browser.loginToTasklist("alice", "alice").status()).isEqualTo(200);
        String pages = "/review/applications/" + applicationId + "/pages/";
        assertThat(TestImages.samePicture(browser.get(pages + "1").body(), front)).isTrue();
        assertThat(browser.get(pages + "2").contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.samePicture(browser.get(pages + "2").body(), back)).isTrue();
        for (int page = 3; page <= 4; page++) {
            Response rendered = browser.get(pages + page);
            assertThat(rendered.contentType()).isEqualTo("image/png");
            assertThat(ImageIO.read(new ByteArrayInputStream(rendered.body())).getWidth()).isEqualTo(1600);
        }
        assertThat(browser.get(pages + "5").status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get(pages + "3").status()).isEqualTo(401);
    }

    @Test
    void aReviewerRejectsWithAChecklistAndTheReasonsAreReadableThroughTheApi() {
        String accountId = newAccount();
        String applicationId = console.submit(accountId, Fixtures.enterpriseJson(TestIdentities.unifiedSocialCreditCode()),
                TestImages.documentJpeg(), "license.jpg").json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);
        ApiClient bob = ApiClient.as(port, "bob", "bob");
        String taskId = reviewTaskId(bob, applicationId);
        bob.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"bob\"}");
        Response completed = bob.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{"
                + "\"decision\":{\"value\":\"REJECT\",\"type\":\"String\"},"
                + "\"rejectionReasons\":{\"value\":\"[\\\"ADDRESS_MISMATCH\\\",\\\"DOCUMENT_EXPIRED\\\"]\",\"type\":\"Json\"},"
                + "\"reviewComment\":{\"value\":\"The licence expired in 2023.\",\"type\":\"String\"}}}");
        assertThat(completed.status()).isEqualTo(204);
        Processes.executeJobs(engine, applicationId);

        JsonNode application = console.get("/api/accounts/" + accountId + "/verification-applications/" + applicationId).json();
        assertThat(application.get("status").asText()).isEqualTo("REJECTED");
        assertThat(application.get("identityType").asText()).isEqualTo("ENTERPRISE");
        assertThat(application.get("reasons")).hasSize(2);
        assertThat(application.get("reasons").get(0).get("code").asText()).isEqualTo("ADDRESS_MISMATCH");
        assertThat(application.get("reasons").get(0).get("message").asText()).isNotBlank();
        assertThat(application.get("reasons").get(1).get("code").asText()).isEqualTo("DOCUMENT_EXPIRED");
        assertThat(console.get("/api/accounts/" + accountId + "/verification").json().get("status").asText())
                .isEqualTo("UNVERIFIED");
        JsonNode list = console.get("/api/accounts/" + accountId + "/verification-applications").json();
        assertThat(list).hasSize(1);
        assertThat(console.get("/api/accounts/" + accountId + "/messages").json().get("items").get(0).get("body").asText())
                .contains("ADDRESS_MISMATCH", "The licence expired in 2023.");
    }

    @Test
    void theHolderWithdrawsThroughTheApi() {
        String accountId = newAccount();
        String applicationId = console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), "id.png").json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);

        Response withdrawn = console.postJson("/api/accounts/" + accountId + "/verification-applications/" + applicationId
                + "/withdrawal", "");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId).count()).isZero();
        assertThat(console.get("/api/accounts/" + accountId + "/verification").json().get("pendingApplicationId").isNull())
                .isTrue();
        Response unknown = console.postJson("/api/accounts/" + accountId + "/verification-applications/nope/withdrawal", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("APPLICATION_NOT_FOUND");
    }

    @Test
    void aChangeDuringTheLockIsRefusedWithLockedUntilAndTheMessageCenterPagesAndMarksRead() {
        String accountId = newAccount();
        var application = fixtures.verifiedIndividual(accountId);

        Response locked = console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), "id.png");
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.json().get("code").asText()).isEqualTo("CHANGE_LOCKED");
        assertThat(java.time.Instant.parse(locked.json().get("lockedUntil").asText()))
                .isEqualTo(console.get("/api/accounts/" + accountId + "/verification").json().get("changeLockedUntil")
                        .asText().transform(java.time.Instant::parse));
        Response toEnterprise = console.submit(accountId, Fixtures.enterpriseJson(TestIdentities.unifiedSocialCreditCode()),
                TestImages.documentPng(), "license.png");
        assertThat(toEnterprise.status()).isEqualTo(202);
        assertThat(toEnterprise.json().get("kind").asText()).isEqualTo("CHANGE");
        String changeId = toEnterprise.json().get("applicationId").asText();
        assertThat(console.postJson("/api/accounts/" + accountId + "/verification-applications/" + changeId + "/withdrawal", "")
                .json().get("status").asText()).isEqualTo("WITHDRAWN");
        Processes.executeJobs(engine, changeId);

        JsonNode firstPage = console.get("/api/accounts/" + accountId + "/messages?page=0&size=1").json();
        assertThat(firstPage.get("totalItems").asInt()).isEqualTo(2);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("items").get(0).get("event").asText()).isEqualTo("APPLICATION_WITHDRAWN");
        assertThat(firstPage.get("items").get(0).get("read").asBoolean()).isFalse();
        JsonNode secondPage = console.get("/api/accounts/" + accountId + "/messages?page=1&size=1").json();
        assertThat(secondPage.get("items").get(0).get("event").asText()).isEqualTo("APPLICATION_APPROVED");
        assertThat(secondPage.get("items").get(0).get("applicationId").asText()).isEqualTo(application.getId());

        String messageId = firstPage.get("items").get(0).get("messageId").asText();
        assertThat(console.postJson("/api/accounts/" + accountId + "/messages/" + messageId + "/read", "")
                .json().get("read").asBoolean()).isTrue();
        assertThat(console.get("/api/accounts/" + accountId + "/messages?size=1").json().get("items").get(0)
                .get("read").asBoolean()).isTrue();
        assertThat(console.postJson("/api/accounts/" + accountId + "/messages/nope/read", "").status()).isEqualTo(404);
        assertThat(console.get("/api/accounts/" + accountId + "/messages?size=500").json().get("code").asText())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void accessNeedsTheRightCredentials() {
        Response anonymous = ApiClient.anonymous(port).get("/api/accounts/x/verification");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        // (a wrong password throttles the user's next logins for a few seconds: the engine's brute-force guard)
        assertThat(ApiClient.as(port, "mallory", "guess").get("/api/accounts/x/verification").status()).isEqualTo(401);
        Response reviewer = ApiClient.as(port, "alice", "alice").get("/api/accounts/x/verification");
        assertThat(reviewer.status()).isEqualTo(403);
        assertThat(reviewer.json().get("code").asText()).isEqualTo("FORBIDDEN");

        assertThat(ApiClient.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(ApiClient.as(port, "mallory", "guess").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/camunda/api/engine/engine/default/task").status()).isIn(401, 403);

        String model = "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"owner-check\" "
                + "isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"s\"/></process></definitions>";
        assertThat(deploy(ApiClient.as(port, "alice", "alice"), model).status()).isEqualTo(403);
        assertThat(deploy(ApiClient.as(port, "owen", "owen"), model).status()).isEqualTo(200);

        ApiClient ownerBrowser = ApiClient.anonymous(port);
        ownerBrowser.loginToTasklist("owen", "owen");
        assertThat(ownerBrowser.get("/review/applications/x/document").status()).as("no open review of that id")
                .isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get("/review/applications/x/document").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }

    private Response deploy(ApiClient client, String bpmn) {
        return client.deploy(bpmn);
    }
}
