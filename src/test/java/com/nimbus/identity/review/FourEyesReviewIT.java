package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.account.Account;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four eyes through the engine's REST API, as Tasklist calls it: the reviewer who approved first can neither claim nor
 * complete the second review; another reviewer decides it with approve or reject only.
 */
@IntegrationTest
class FourEyesReviewIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    ApiClient alice;
    ApiClient bob;
    String applicationId;
    String taskId;

    /** An account rejected today asks again; alice approves, which needs a second reviewer's approval. */
    @BeforeEach
    void anApprovalWaitingForASecondReviewer() {
        Account account = fixtures.account();
        VerificationApplication first = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(first.getId());
        fixtures.reject(first.getId(), "[\"NAME_MISMATCH\"]", null);
        fixtures.runJobs(first.getId());
        VerificationApplication second = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(second.getId());
        applicationId = second.getId();
        alice = ApiClient.as(port, "alice", "alice");
        bob = ApiClient.as(port, "bob", "bob");
        String review = alice.get("/engine-rest/task?processInstanceBusinessKey=" + applicationId).json().get(0)
                .get("id").asText();
        assertThat(alice.postJson("/engine-rest/task/" + review + "/claim", "{\"userId\":\"alice\"}").status())
                .isEqualTo(204);
        assertThat(alice.postJson("/engine-rest/task/" + review + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}").status()).isEqualTo(204);
        JsonNode tasks = bob.get("/engine-rest/task?processInstanceBusinessKey=" + applicationId).json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("secondReview");
        taskId = tasks.get(0).get("id").asText();
    }

    private String status() {
        return jdbc.queryForObject("select status from verification_application where id = ?", String.class, applicationId);
    }

    private Task task() {
        return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    }

    @Test
    void theFirstReviewerCannotTakeOrDecideTheSecondReview() {
        Response claim = alice.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"alice\"}");
        assertThat(claim.status()).as(claim.text()).isEqualTo(403);
        assertThat(claim.text()).contains("Four eyes");
        assertThat(task().getAssignee()).isNull();

        Response complete = alice.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}");
        assertThat(complete.status()).as(complete.text()).isEqualTo(403);
        assertThat(task()).as("the second review is still open").isNotNull();
        assertThat(status()).isEqualTo("IN_REVIEW");

        // nor when someone else assigns it to her (a supervisor, the application's own code)
        assertThatThrownBy(() -> engine.getTaskService().setAssignee(taskId, "alice"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Four eyes");
        assertThat(task().getAssignee()).isNull();
    }

    @Test
    void anotherReviewerApprovesAndTheApprovalStands() {
        assertThat(bob.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"bob\"}").status()).isEqualTo(204);
        Response photo = bob.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{"
                + "\"decision\":{\"value\":\"REQUEST_PHOTO\",\"type\":\"String\"},"
                + "\"rejectionReasons\":{\"value\":\"[\\\"DOCUMENT_UNCLEAR\\\"]\",\"type\":\"Json\"}}}");
        assertThat(photo.status()).as(photo.text()).isEqualTo(400);
        assertThat(photo.text()).contains("one of APPROVE, REJECT");

        Response approved = bob.postJson("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(204);
        fixtures.runJobs(applicationId);
        assertThat(status()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select decided_by from verification_application where id = ?", String.class,
                applicationId)).isEqualTo("bob");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(applicationId)
                .list()).extracting(t -> Map.entry(t.getTaskDefinitionKey(), t.getAssignee()))
                .containsExactlyInAnyOrder(Map.entry("reviewApplication", "alice"), Map.entry("secondReview", "bob"));
    }
}
