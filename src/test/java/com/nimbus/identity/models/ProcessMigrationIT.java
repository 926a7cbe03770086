package com.nimbus.identity.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.vocabulary.Workflow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Moving waiting instances to a process owner's new version: a dry run that shows what would not map, a refusal
 * that migrates nothing, and a batch that moves instances waiting in review and in the 30-day change lock, both of
 * which then finish on the new version.
 */
@IntegrationTest
class ProcessMigrationIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AccountRepository accounts;

    private final List<String> ownersDeployments = new ArrayList<>();

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void backToTheReleasedModel() {
        ownersDeployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    private ApiClient owen() {
        return ApiClient.as(port, "owen", "owen");
    }

    private static String released() throws IOException {
        try (InputStream in = new ClassPathResource("processes/identity-decision.bpmn").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String deployAsOwen(String bpmn) {
        ApiClient.Response deployed = owen().deploy("identity-decision", "identity-decision.bpmn", bpmn);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        String id = deployed.json().get("id").asText();
        ownersDeployments.add(id);
        return repository.createProcessDefinitionQuery().deploymentId(id).singleResult().getId();
    }

    private ProcessInstance decision(String applicationId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(Workflow.IDENTITY_DECISION)
                .processInstanceBusinessKey(applicationId).singleResult();
    }

    private void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        for (int round = 0; round < 10 && management.createBatchQuery().batchId(batchId).count() > 0; round++) {
            for (String definition : new String[] {batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId()}) {
                for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
                    management.executeJob(job.getId());
                }
            }
        }
        assertThat(management.createBatchQuery().batchId(batchId).count()).as("the batch is done").isZero();
    }

    @Test
    void instancesWaitingInReviewAndInTheChangeLockMoveToTheNewVersionAndFinishThere() throws IOException {
        VerificationApplication inReview = fixtures.submitIndividual(fixtures.account().getId());
        fixtures.runJobs(inReview.getId());
        VerificationApplication locked = fixtures.verifiedIndividual(fixtures.account().getId());
        assertThat(decision(inReview.getId())).isWaitingAt("Activity_ReviewApplication");
        assertThat(decision(locked.getId())).isWaitingAt("Event_ChangeLockExpires");

        // a version that renamed the lock's timer: instances in the lock would have nowhere to go
        deployAsOwen(released().replace("Event_ChangeLockExpires", "Event_LockExpires"));
        JsonNode dryRun = owen().postJson("/api/process-migrations/plan", "{\"processDefinitionKey\":\"identity-decision\"}").json();
        assertThat(dryRun.get("executable").asBoolean()).isFalse();
        assertThat(dryRun.get("fromVersions")).anySatisfy(from -> assertThat(from.get("unmapped"))
                .anySatisfy(u -> assertThat(u.get("activityId").asText()).isEqualTo("Event_ChangeLockExpires")));
        ApiClient.Response refused = owen().postJson("/api/process-migrations", "{\"processDefinitionKey\":\"identity-decision\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("MIGRATION_NOT_MAPPABLE");
        assertThat(management.createBatchQuery().count()).as("nothing was migrated").isZero();
        repository.deleteDeployment(ownersDeployments.remove(0), true);

        // the owner's edit: a step renamed, every activity id kept
        String newVersion = deployAsOwen(released().replace("name=\"Notify approval\"", "name=\"Tell the holder\""));
        JsonNode plan = owen().postJson("/api/process-migrations/plan", "{\"processDefinitionKey\":\"identity-decision\"}").json();
        assertThat(plan.get("targetProcessDefinitionId").asText()).isEqualTo(newVersion);
        assertThat(plan.get("executable").asBoolean()).isTrue();
        assertThat(plan.get("instances").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(plan.get("fromVersions")).allSatisfy(from -> {
            assertThat(from.get("unmapped")).isEmpty();
            assertThat(from.get("instructions")).anySatisfy(i -> assertThat(i.get("sourceActivityIds").get(0).asText())
                    .isEqualTo("Event_ChangeLockExpires"));
        });

        ApiClient.Response started = owen().postJson("/api/process-migrations", "{\"processDefinitionKey\":\"identity-decision\"}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        for (JsonNode batch : started.json().get("batches")) {
            assertThat(management.createBatchQuery().batchId(batch.get("batchId").asText()).singleResult().getCreateUserId())
                    .isEqualTo("owen");
            runBatch(batch.get("batchId").asText());
        }
        assertThat(decision(inReview.getId()).getProcessDefinitionId()).isEqualTo(newVersion);
        assertThat(decision(locked.getId()).getProcessDefinitionId()).isEqualTo(newVersion);
        assertThat(decision(locked.getId())).isWaitingAt("Event_ChangeLockExpires");

        fixtures.approve(inReview.getId());
        fixtures.runJobs(inReview.getId());
        assertThat(decision(inReview.getId())).hasPassed("Activity_VerifyAccount", "Activity_NotifyApproval")
                .isWaitingAt("Event_ChangeLockExpires");
        assertThat(accounts.findById(inReview.getAccountId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);

        String lockedInstance = decision(locked.getId()).getId();
        Job lockTimer = management.createJobQuery().processInstanceId(lockedInstance).timers().singleResult();
        management.executeJob(lockTimer.getId());
        fixtures.runJobs(locked.getId());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(lockedInstance)
                .singleResult()).satisfies(finished -> {
            assertThat(finished.getEndActivityId()).isEqualTo("EndEvent_ChangeLockReleased");
            assertThat(finished.getProcessDefinitionId()).isEqualTo(newVersion);
        });
        assertThat(accounts.findById(locked.getAccountId()).orElseThrow().getChangeLockedUntil()).isNull();
    }

    @Test
    void aDryRunOfAnUnknownProcessOrWithoutAKeyIsRefusedAndOnlyOwnersMayAsk() {
        ApiClient.Response unknown = owen().postJson("/api/process-migrations/plan", "{\"processDefinitionKey\":\"no-such-process\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("PROCESS_NOT_FOUND");
        ApiClient.Response noKey = owen().postJson("/api/process-migrations", "{}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(ApiClient.as(port, "alice", "alice").postJson("/api/process-migrations/plan",
                "{\"processDefinitionKey\":\"identity-decision\"}").status()).isEqualTo(403);
    }
}
