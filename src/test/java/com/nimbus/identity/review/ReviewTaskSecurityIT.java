package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reviewer, through the engine's REST API (and the webapps' mount of it), can decide only the review she holds, only
 * with the decision's three variables, and is recorded as who decided: she cannot complete a colleague's task,
 * reassign it, change its variables, pass off her decision as the automated checks', store a huge value, or make the
 * engine build an object of a class she names.
 */
@IntegrationTest
class ReviewTaskSecurityIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    ApiClient alice;
    ApiClient bob;
    String applicationId;
    String taskId;

    @BeforeEach
    void anApplicationInReview() {
        ApiClient console = ApiClient.as(port, "console", "console");
        String accountId = console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
        applicationId = console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), "id.png").json().get("applicationId").asText();
        Processes.executeJobs(engine, applicationId);
        alice = ApiClient.as(port, "alice", "alice");
        bob = ApiClient.as(port, "bob", "bob");
        JsonNode tasks = alice.get("/engine-rest/task?processInstanceBusinessKey=" + applicationId).json();
        assertThat(tasks).hasSize(1);
        taskId = tasks.get(0).get("id").asText();
    }

    private String task() {
        return "/engine-rest/task/" + taskId;
    }

    private void aliceClaims() {
        assertThat(alice.postJson(task() + "/claim", "{\"userId\":\"alice\"}").status()).isEqualTo(204);
    }

    private static String variables(String... entries) {
        return "{\"variables\":{" + String.join(",", entries) + "}}";
    }

    private static String string(String name, String value) {
        return "\"" + name + "\":{\"value\":\"" + value + "\",\"type\":\"String\"}";
    }

    private static String json(String name, String value) {
        return "\"" + name + "\":{\"value\":\"" + value.replace("\"", "\\\"") + "\",\"type\":\"Json\"}";
    }

    private String status() {
        return jdbc.queryForObject("select status from verification_application where id = ?", String.class, applicationId);
    }

    private String decidedBy() {
        return jdbc.queryForObject("select decided_by from verification_application where id = ?", String.class,
                applicationId);
    }

    private void assertStillOpenWith(String assignee) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("the review task is still open").isNotNull();
        assertThat(task.getAssignee()).isEqualTo(assignee);
        assertThat(status()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aReviewerCannotCompleteATaskHerColleagueHolds() {
        aliceClaims();

        Response completed = bob.postJson(task() + "/complete", variables(string("decision", "APPROVE")));

        assertThat(completed.status()).as(completed.text()).isEqualTo(403);
        assertStillOpenWith("alice");
        Response submitted = bob.postJson(task() + "/submit-form", variables(string("decision", "APPROVE")));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(403);
        assertStillOpenWith("alice");
    }

    @Test
    void nobodyCompletesATaskWithoutHoldingIt() {
        Response completed = alice.postJson(task() + "/complete", variables(string("decision", "APPROVE")));

        assertThat(completed.status()).as(completed.text()).isEqualTo(403);
        assertStillOpenWith(null);
    }

    @Test
    void aReviewerCannotReassignOrHandOnATask() {
        aliceClaims();

        assertThat(bob.postJson(task() + "/assignee", "{\"userId\":\"bob\"}").status()).isEqualTo(403);
        assertThat(bob.postJson(task() + "/claim", "{\"userId\":\"bob\"}").status()).isEqualTo(403);
        assertThat(alice.postJson(task() + "/delegate", "{\"userId\":\"bob\"}").status()).isEqualTo(403);
        assertThat(alice.postJson(task() + "/assignee", "{\"userId\":\"bob\"}").status()).isEqualTo(403);
        assertThat(alice.postJson(task() + "/identity-links", "{\"userId\":\"bob\",\"type\":\"candidate\"}").status())
                .isEqualTo(403);
        assertStillOpenWith("alice");
    }

    @Test
    void aReviewerCannotChangeTheTasksVariables() {
        aliceClaims();
        String documentUrl = engine.getTaskService().getVariable(taskId, "documentUrl").toString();

        assertThat(alice.putJson(task() + "/variables/documentUrl",
                "{\"value\":\"https://attacker.example/forged.png\",\"type\":\"String\"}").status()).isEqualTo(403);
        assertThat(alice.postJson(task() + "/variables",
                "{\"modifications\":{\"documentUrl\":{\"value\":\"https://attacker.example/forged.png\",\"type\":\"String\"}}}")
                .status()).isEqualTo(403);
        assertThat(alice.putJson(task() + "/localVariables/documentUrl",
                "{\"value\":\"https://attacker.example/forged.png\",\"type\":\"String\"}").status()).isEqualTo(403);
        String reviewInstance = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        assertThat(alice.putJson("/engine-rest/process-instance/" + reviewInstance + "/variables/automatedChecksPassed",
                "{\"value\":false,\"type\":\"Boolean\"}").status()).isEqualTo(403);
        assertThat(alice.postJson("/engine-rest/message", "{\"messageName\":\"ApplicationWithdrawn\",\"businessKey\":\""
                + applicationId + "\"}").status()).isEqualTo(403);

        assertThat(engine.getTaskService().getVariable(taskId, "documentUrl")).isEqualTo(documentUrl);
        assertThat(alice.get(task() + "/form-variables").json().get("documentUrl").get("value").asText())
                .as("she still reads what the form shows").isEqualTo(documentUrl);
        assertStillOpenWith("alice");
    }

    @Test
    void completionRefusesEveryVariableButTheDecisionsThree() {
        aliceClaims();

        Response automated = alice.postJson(task() + "/complete", variables(string("decision", "APPROVE"),
                json("rejectionReasons", "[\"QUOTA_EXCEEDED\"]"), "\"automatedChecksPassed\":{\"value\":false,\"type\":\"Boolean\"}"));
        assertThat(automated.status()).as(automated.text()).isEqualTo(400);
        assertThat(automated.json().get("message").asText()).contains("automatedChecksPassed");
        assertStillOpenWith("alice");

        Response reviewer = alice.postJson(task() + "/complete", variables(string("decision", "APPROVE"),
                string("reviewedBy", "bob")));
        assertThat(reviewer.status()).as(reviewer.text()).isEqualTo(400);
        assertThat(reviewer.json().get("message").asText()).contains("reviewedBy");
        assertStillOpenWith("alice");
    }

    @Test
    void aReviewersRejectionIsNeverRecordedAsTheAutomatedChecks() {
        aliceClaims();

        Response automatedCode = alice.postJson(task() + "/complete", variables(string("decision", "REJECT"),
                json("rejectionReasons", "[\"QUOTA_EXCEEDED\"]")));
        assertThat(automatedCode.status()).as(automatedCode.text()).isEqualTo(400);
        Response forgedOutcome = alice.postJson(task() + "/complete", variables(string("decision", "APPROVE"),
                json("rejectionReasons", "[\"QUOTA_EXCEEDED\"]"),
                "\"automatedChecksPassed\":{\"value\":false,\"type\":\"Boolean\"}"));
        assertThat(forgedOutcome.status()).as(forgedOutcome.text()).isEqualTo(400);
        assertStillOpenWith("alice");
        Response rejected = alice.postJson(task() + "/complete", variables(string("decision", "REJECT"),
                json("rejectionReasons", "[\"NAME_MISMATCH\"]"), string("reviewComment", "The name differs.")));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(204);
        Processes.executeJobs(engine, applicationId);
        assertThat(status()).isEqualTo("REJECTED");
        assertThat(decidedBy()).isEqualTo("alice");
    }

    @Test
    void aHugeValueIsRefusedAndTheTaskStaysOpen() {
        aliceClaims();

        byte[] fiftyMegabytes = new byte[50 * 1024 * 1024];
        String boundary = "----" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream upload = new java.io.ByteArrayOutputStream();
        upload.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes());
        upload.writeBytes(fiftyMegabytes);
        upload.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        Response stored = alice.send("POST", task() + "/variables/evidence/data", "multipart/form-data; boundary=" + boundary,
                upload.toByteArray());
        assertThat(stored.status()).as("a 50 MB variable").isIn(403, 413);
        assertThat(engine.getTaskService().getVariable(taskId, "evidence")).isNull();

        Response huge = alice.postJson(task() + "/complete", variables(string("decision", "APPROVE"),
                string("reviewComment", "x".repeat(15 * 1024 * 1024))));
        assertThat(huge.status()).as("a 15 MB comment").isEqualTo(400);
        Response long_ = alice.postJson(task() + "/complete", variables(string("decision", "APPROVE"),
                string("reviewComment", "x".repeat(2001))));
        assertThat(long_.status()).as("a comment over 2000 characters").isEqualTo(400);
        assertThat(long_.json().get("message").asText()).contains("reviewComment");
        assertStillOpenWith("alice");
    }

    @Test
    void theAssigneeDecidesAndIsRecordedAsTheReviewer() {
        aliceClaims();

        Response approved = alice.postJson(task() + "/complete", variables(string("decision", "APPROVE"),
                string("reviewComment", "")));

        assertThat(approved.status()).as(approved.text()).isEqualTo(204);
        Processes.executeJobs(engine, applicationId);
        assertThat(status()).isEqualTo("APPROVED");
        assertThat(decidedBy()).isEqualTo("alice");
    }

    @Test
    void tasklistsOwnMountOfTheRestApiHoldsTheSameRules() {
        aliceClaims();
        ApiClient bobInTasklist = ApiClient.anonymous(port).webappSession("bob", "bob");
        String mounted = "/camunda/api/engine/engine/default/task/" + taskId;
        assertThat(bobInTasklist.get(mounted).status()).as("bob's session works").isEqualTo(200);

        Response completed = bobInTasklist.postJson(mounted + "/submit-form", variables(string("decision", "APPROVE")));
        assertThat(completed.status()).as(completed.text()).isEqualTo(403);
        assertThat(completed.json().get("type").asText()).isEqualTo("AuthorizationException");

        ApiClient aliceInTasklist = ApiClient.anonymous(port).webappSession("alice", "alice");
        Response forged = aliceInTasklist.postJson(mounted + "/submit-form", variables(string("decision", "APPROVE"),
                "\"automatedChecksPassed\":{\"value\":true,\"type\":\"Boolean\"}"));
        assertThat(forged.status()).as(forged.text()).isEqualTo(400);
        assertStillOpenWith("alice");
    }

    @Test
    void aDecisionSentAsASerializedObjectIsNeverDeserialized() {
        aliceClaims();
        int builtBefore = DeserializationCanary.BUILT.get();

        Response completed = alice.postJson(task() + "/complete", "{\"variables\":{\"decision\":{\"type\":\"Object\","
                + "\"value\":\"{}\",\"valueInfo\":{\"objectTypeName\":\"" + DeserializationCanary.class.getName() + "\","
                + "\"serializationDataFormat\":\"application/json\"}}}}");

        assertThat(DeserializationCanary.BUILT.get()).as("objects built of the sender's class").isEqualTo(builtBefore);
        assertThat(completed.status()).as(completed.text()).isEqualTo(400);
        assertStillOpenWith("alice");
    }

    @Test
    void theEngineRefusesToDeserializeAClassNobodyAllowed() {
        int builtBefore = DeserializationCanary.BUILT.get();
        String instance = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        engine.getRuntimeService().setVariable(instance, "planted", Variables.serializedObjectValue("{}")
                .objectTypeName(DeserializationCanary.class.getName()).serializationDataFormat("application/json").create());

        assertThatThrownBy(() -> engine.getRuntimeService().getVariable(instance, "planted"))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(DeserializationCanary.BUILT.get()).isEqualTo(builtBefore);
        engine.getRuntimeService().removeVariable(instance, "planted");
    }

    @Test
    void theJavaApiHoldsTheSameRulesForTheReviewersDecision() {
        engine.getTaskService().claim(taskId, "alice");

        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("decision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("decision");
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("decision", "REJECT",
                "rejectionReasons", SpinValues.jsonValue("[\"IMAGE_BLURRY\"]").create())))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("IMAGE_BLURRY");
        assertStillOpenWith("alice");
    }
}
