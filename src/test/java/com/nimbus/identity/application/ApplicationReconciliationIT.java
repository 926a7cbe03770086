package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.PendingApplications;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine and the database disagree about a pending application: an instance deleted in Cockpit (its models'
 * listeners skipped, as Cockpit offers), an instance stuck on an incident, an instance that is simply gone. Each time
 * the application ends CANCELLED with why, the account is free to apply again, and an administrator sees the list.
 */
@IntegrationTest
class ApplicationReconciliationIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;
    @Autowired PendingApplications pending;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anInstanceDeletedInCockpitCancelsItsApplicationAndFreesTheAccount() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(application.getId());
        assertThat(applications.find(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);

        // Cockpit's "delete" with "skip custom listeners" ticked
        engine.getRuntimeService().deleteProcessInstance(root(application.getId()).getId(), "cleaning up", true);

        VerificationApplication cancelled = applications.find(application.getId());
        assertThat(cancelled.getStatus()).isEqualTo(ApplicationStatus.CANCELLED);
        assertThat(cancelled.getReviewComment()).contains("INSTANCE_ENDED").contains("cleaning up");
        assertThat(pending.pendingApplicationId(account.getId())).isEmpty();
        assertThat(fixtures.submitIndividual(account.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);

        ApiClient admin = ApiClient.as(port, "demo", "demo");
        ApiClient.Response list = admin.get("/api/admin/application-reconciliations?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        JsonNode row = findRow(list.json(), application.getId());
        assertThat(row.get("finding").asText()).isEqualTo("INSTANCE_ENDED");
        assertThat(row.get("accountId").asText()).isEqualTo(account.getId());
        assertThat(ApiClient.as(port, "console", "console").get("/api/admin/application-reconciliations").status())
                .as("only administrators").isEqualTo(403);
    }

    @Test
    void anIncidentLongerThanTheIncidentAgeEndsTheInstanceThroughThePeriodicCheck() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        Job checks = com.nimbus.identity.support.Processes.dueJobs(engine, application.getId()).get(0);
        engine.getManagementService().setJobRetries(checks.getId(), 0);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(checks.getProcessInstanceId())
                .count()).isEqualTo(1);

        runReconciliation(hoursLater(23));
        assertThat(applications.find(application.getId()).getStatus()).as("within the incident age").isEqualTo(
                ApplicationStatus.SUBMITTED);

        runReconciliation(hoursLater(25));
        VerificationApplication cancelled = applications.find(application.getId());
        assertThat(cancelled.getStatus()).isEqualTo(ApplicationStatus.CANCELLED);
        assertThat(cancelled.getReviewComment()).startsWith("INCIDENT: incident failedJob");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(application.getId()).count()).isZero();
        assertThat(pending.pendingApplicationId(account.getId())).isEmpty();
    }

    @Test
    void aPendingApplicationWithoutAnyInstanceIsCancelledByThePeriodicCheckOnce() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        // the instance gone without a trace of its end, as after a database restored from an older backup
        engine.getRuntimeService().deleteProcessInstance(root(application.getId()).getId(), "restore", true);
        jdbc.update("delete from application_reconciliation where application_id = ?", application.getId());
        jdbc.update("update verification_application set status = 'SUBMITTED', pending_account_id = account_id, "
                + "decided_at = null, decided_by = null, review_comment = null where id = ?", application.getId());

        runReconciliation(hoursLater(1));
        runReconciliation(hoursLater(2));

        assertThat(applications.find(application.getId()).getStatus()).isEqualTo(ApplicationStatus.CANCELLED);
        assertThat(jdbc.queryForList("select finding from application_reconciliation where application_id = ?",
                String.class, application.getId())).containsExactly("INSTANCE_MISSING");
        assertThat(pending.pendingApplicationId(account.getId())).isEmpty();
    }

    /** Fires the model's timer start event and runs its job, as the job executor would at that time. */
    private void runReconciliation(Date at) {
        ClockUtil.setCurrentTime(at);
        Job timer = engine.getManagementService().createJobQuery()
                .processDefinitionKey(Workflow.APPLICATION_RECONCILIATION).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        List<Job> runs = engine.getManagementService().createJobQuery()
                .processDefinitionKey(Workflow.APPLICATION_RECONCILIATION).messages().list();
        assertThat(runs).isNotEmpty();
        runs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    private static Date hoursLater(int hours) {
        return new Date(System.currentTimeMillis() + hours * 3_600_000L);
    }

    private ProcessInstance root(String applicationId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                .processDefinitionKey(Workflow.IDENTITY_VERIFICATION).singleResult();
    }

    private static JsonNode findRow(JsonNode page, String applicationId) {
        for (JsonNode row : page.get("items")) {
            if (row.get("applicationId").asText().equals(applicationId)) {
                return row;
            }
        }
        throw new AssertionError("application " + applicationId + " is not listed: " + page);
    }
}
