package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.document.store.DocumentObjectMissing;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.TestPdfs;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code PUT /api/accounts/{accountId}/verification-applications/{applicationId}/document}: new pages while a
 * reviewer asked for them, 409 {@code APPLICATION_NOT_WAITING} otherwise, and bad parts refused as at submission,
 * changing nothing.
 */
@IntegrationTest
class DocumentReplacementApiIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired DocumentStore store;

    ApiClient console;
    String accountId;
    String applicationId;

    @BeforeEach
    void anApplicationInReview() {
        console = ApiClient.as(port, "console", "console");
        accountId = console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
        applicationId = console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), "id.png").json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);
    }

    private void aReviewerAsksForNewPages() {
        fixtures.decide(applicationId, "alice", Variables.createVariables()
                .putValue("decision", "REQUEST_PHOTO")
                .putValueTyped("rejectionReasons", SpinValues.jsonValue("[\"DOCUMENT_UNCLEAR\"]").create()));
        Processes.executeJobs(engine, applicationId);
    }

    private String path() {
        return "/api/accounts/" + accountId + "/verification-applications/" + applicationId;
    }

    private List<String> objectKeys() {
        return jdbc.queryForList("select object_key from document_page where application_id = ? order by page_no",
                String.class, applicationId);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    private long waitingForPages() {
        return engine.getRuntimeService().createEventSubscriptionQuery()
                .eventName(Workflow.MESSAGE_DOCUMENT_REPLACED).list().stream()
                .filter(s -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(
                        s.getProcessInstanceId()).processInstanceBusinessKey(applicationId).count() == 1)
                .count();
    }

    @Test
    void newPagesReplaceTheOldOnesAndTheChecksRunAgain() {
        aReviewerAsksForNewPages();
        Response waiting = console.get(path());
        assertThat(waiting.json().get("status").asText()).isEqualTo("PHOTO_REQUESTED");
        assertThat(waiting.json().get("reasons").get(0).get("code").asText()).isEqualTo("DOCUMENT_UNCLEAR");
        List<String> oldKeys = objectKeys();

        Response replaced = console.replaceDocument(accountId, applicationId,
                List.of(TestImages.documentPng(), TestPdfs.scan(TestImages.document())));

        assertThat(replaced.status()).as(replaced.text()).isEqualTo(202);
        assertThat(replaced.json().get("applicationId").asText()).isEqualTo(applicationId);
        assertThat(replaced.json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(console.get(path()).json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(objectKeys()).hasSize(2).doesNotContainAnyElementsOf(oldKeys);
        oldKeys.forEach(key -> assertThatThrownBy(() -> store.get(key)).as("old page deleted from the store")
                .isInstanceOf(DocumentObjectMissing.class));
        assertThat(waitingForPages()).isZero();

        Processes.executeJobs(engine, applicationId);
        assertThat(console.get(path()).json().get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(fixtures.reviewTask(applicationId).getAssignee()).isEqualTo("alice");
        assertProblem(console.replaceDocument(accountId, applicationId, List.of(TestImages.documentPng())), 409,
                "APPLICATION_NOT_WAITING");
    }

    @Test
    void anApplicationNoReviewerAskedPagesForRefusesThem() {
        List<String> keys = objectKeys();

        Response refused = console.replaceDocument(accountId, applicationId, List.of(TestImages.documentPng()));

        assertProblem(refused, 409, "APPLICATION_NOT_WAITING");
        assertThat(refused.json().get("applicationStatus").asText()).isEqualTo("IN_REVIEW");
        assertThat(objectKeys()).isEqualTo(keys);
        assertThat(console.get(path()).json().get("status").asText()).isEqualTo("IN_REVIEW");
        assertProblem(console.replaceDocument(accountId, UUID.randomUUID().toString(), List.of(TestImages.documentPng())),
                404, "APPLICATION_NOT_FOUND");
        String otherAccount = console.postJson("/api/accounts",
                "{\"email\":\"other@example.com\",\"phone\":\"+8613800138001\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
        assertProblem(console.replaceDocument(otherAccount, applicationId, List.of(TestImages.documentPng())), 404,
                "APPLICATION_NOT_FOUND");
    }

    @Test
    void badPartsAreRefusedAsAtSubmissionAndChangeNothing() {
        aReviewerAsksForNewPages();
        List<String> keys = objectKeys();
        byte[] gif = "GIF89a-not-a-document".getBytes();
        byte[] justOver = Arrays.copyOf(TestImages.documentPng(), 10 * 1024 * 1024 + 1);

        assertProblem(console.replaceDocument(accountId, applicationId, List.of(gif)), 415, "DOCUMENT_TYPE_UNSUPPORTED");
        assertProblem(console.replaceDocument(accountId, applicationId, List.of(TestPdfs.encrypted())), 415,
                "DOCUMENT_TYPE_UNSUPPORTED");
        assertProblem(console.replaceDocument(accountId, applicationId, List.of(TestImages.documentPng(), justOver)), 413,
                "DOCUMENT_TOO_LARGE");
        Response none = console.replaceDocument(accountId, applicationId, List.of());
        assertThat(none.status()).as(none.text()).isEqualTo(400);
        Response five = console.replaceDocument(accountId, applicationId, List.of(TestImages.documentPng(),
                TestImages.documentPng(), TestImages.documentPng(), TestImages.documentPng(), TestImages.documentPng()));
        assertProblem(five, 400, "VALIDATION_FAILED");
        assertThat(five.json().get("errors").get(0).get("field").asText()).isEqualTo("document");

        assertThat(objectKeys()).isEqualTo(keys);
        keys.forEach(key -> assertThat(store.get(key)).isNotEmpty());
        assertThat(console.get(path()).json().get("status").asText()).isEqualTo("PHOTO_REQUESTED");
        assertThat(waitingForPages()).isEqualTo(1);
    }
}
