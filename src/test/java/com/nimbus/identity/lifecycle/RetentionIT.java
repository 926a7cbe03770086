package com.nimbus.identity.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.document.store.DocumentObjectMissing;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.recheck.EnterpriseRecheckService;
import com.nimbus.identity.recheck.RegistryFinding;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention policy with the engine's clock moved, on PostgreSQL: rejected and revoked applications lose their
 * pages after 30 days, replaced ones three years after they ended, standing ones never; the nightly model runs it;
 * the engine's history cleanup removes ended instances past their time to live.
 */
@IntegrationTest
class RetentionIT {

    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired DocumentStore store;
    @Autowired Retention retention;
    @Autowired EnterpriseRecheckService rechecks;
    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private List<String> objectsOf(String applicationId) {
        return jdbc.queryForList("select object_key from document_page where application_id = ?", String.class,
                applicationId);
    }

    private boolean reduced(String applicationId) {
        return jdbc.queryForObject("select count(*) from verification_application where id = ? "
                + "and data_reduced_at is not null and document_number_enc is null and holder_name = ''", Integer.class,
                applicationId) == 1 && objectsOf(applicationId).isEmpty();
    }

    private void assertGone(List<String> objects) {
        assertThat(objects).isNotEmpty();
        for (String key : objects) {
            assertThatThrownBy(() -> store.get(key)).isInstanceOf(DocumentObjectMissing.class);
        }
    }

    @Test
    void eachPeriodDeletesWhatItCoversAndNothingElse() {
        Instant dayZero = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(1));
        at(dayZero);
        VerificationApplication rejected = fixtures.submitIndividual(fixtures.account().getId());
        fixtures.runJobs(rejected.getId());
        fixtures.reject(rejected.getId(), "[\"DOCUMENT_EXPIRED\"]", "expired");
        fixtures.runJobs(rejected.getId());
        String standingAccount = fixtures.account().getId();
        VerificationApplication standing = fixtures.verifiedIndividual(standingAccount);
        String revokedAccount = fixtures.account().getId();
        VerificationApplication revoked = fixtures.verifiedEnterprise(revokedAccount);
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                assertThat(rechecks.revoke(revokedAccount, revoked.getId(), RegistryFinding.DISSOLVED)).isTrue());
        String changingAccount = fixtures.account().getId();
        VerificationApplication replaced = fixtures.verifiedIndividual(changingAccount);
        List<String> rejectedObjects = objectsOf(rejected.getId());
        List<String> revokedObjects = objectsOf(revoked.getId());
        List<String> replacedObjects = objectsOf(replaced.getId());

        at(dayZero.plus(Duration.ofDays(29)));
        Retention.Applied early = retention.apply();
        assertThat(reduced(rejected.getId())).as("29 days after the rejection").isFalse();
        assertThat(reduced(revoked.getId())).as("29 days after the revocation").isFalse();
        assertThat(early.verificationsEnded()).isGreaterThanOrEqualTo(1);

        at(dayZero.plus(Duration.ofDays(31)));
        fixtures.runJobs(replaced.getId()); // the change lock's timer
        VerificationApplication change = fixtures.approved(fixtures.submitIndividual(changingAccount,
                TestIdentities.cnResidentId()));
        Retention.Applied thirtyDays = runTheNightlyModel();

        assertThat(reduced(rejected.getId())).isTrue();
        assertGone(rejectedObjects);
        assertThat(reduced(revoked.getId())).isTrue();
        assertGone(revokedObjects);
        assertThat(jdbc.queryForObject("select document_number_masked from verification_application where id = ?",
                String.class, rejected.getId())).isEqualTo(rejected.getDocumentNumberMasked());
        assertThat(jdbc.queryForObject("select status from verification_application where id = ?", String.class,
                rejected.getId())).isEqualTo("REJECTED");
        assertThat(reduced(replaced.getId())).as("its verification just ended").isFalse();
        assertThat(jdbc.queryForObject("select verification_ended_by from verification_application where id = ?",
                String.class, replaced.getId())).isEqualTo("REPLACED");
        assertThat(reduced(standing.getId())).isFalse();
        assertThat(reduced(change.getId())).isFalse();
        assertThat(thirtyDays).isNotNull();

        Instant endedAt = jdbc.queryForObject("select verification_ended_at from verification_application where id = ?",
                java.sql.Timestamp.class, replaced.getId()).toInstant();
        at(endedAt.atOffset(ZoneOffset.UTC).plusYears(3).minusDays(1).toInstant());
        retention.apply();
        assertThat(reduced(replaced.getId())).as("a day before three years").isFalse();

        at(endedAt.atOffset(ZoneOffset.UTC).plusYears(3).plusDays(1).toInstant());
        Retention.Applied threeYears = retention.apply();
        assertThat(reduced(replaced.getId())).isTrue();
        assertGone(replacedObjects);
        assertThat(threeYears.applicationsReduced()).isPositive();
        assertThat(reduced(standing.getId())).as("a standing verification keeps its documents").isFalse();
        assertThat(reduced(change.getId())).isFalse();
        assertThat(retention.apply().applicationsReduced()).as("a second run finds nothing left").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'RETENTION_APPLIED'",
                Integer.class)).isGreaterThanOrEqualTo(4);
    }

    /** Fires the timer of identity-retention as the job executor would at night, and its service task. */
    private Retention.Applied runTheNightlyModel() {
        Job timer = management.createJobQuery().processDefinitionKey("identity-retention").timers().singleResult();
        assertThat(timer).as("the nightly timer of identity-retention").isNotNull();
        management.executeJob(timer.getId());
        Job apply = management.createJobQuery().processDefinitionKey("identity-retention").messages().singleResult();
        management.executeJob(apply.getId());
        var instance = history.createHistoricProcessInstanceQuery().processDefinitionKey("identity-retention")
                .finished().orderByProcessInstanceEndTime().desc().listPage(0, 1).get(0);
        assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_RetentionApplied");
        Object reducedCount = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("applicationsReduced").singleResult().getValue();
        assertThat((Integer) reducedCount).isPositive();
        return new Retention.Applied(0, (Integer) reducedCount, 0);
    }

    @Test
    void theEngineHistoryCleanupRunsInTheConfiguredWindowAndRemovesEndedInstancesPastTheirTimeToLive() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        Instant dayZero = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(2));
        at(dayZero);
        VerificationApplication rejected = fixtures.submitIndividual(fixtures.account().getId());
        fixtures.runJobs(rejected.getId());
        fixtures.reject(rejected.getId(), "[\"DOCUMENT_EXPIRED\"]", null);
        fixtures.runJobs(rejected.getId());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rejected.getId())
                .unfinished().count()).as("every instance of the application ended").isZero();
        long before = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rejected.getId()).count();
        assertThat(before).isPositive();

        at(dayZero.plus(Duration.ofDays(179)));
        management.executeJob(history.cleanUpHistoryAsync(true).getId());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rejected.getId()).count())
                .as("within the time to live (P180D)").isEqualTo(before);

        at(dayZero.plus(Duration.ofDays(181)));
        management.executeJob(history.cleanUpHistoryAsync(true).getId());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(rejected.getId()).count())
                .isZero();
        assertThat(history.findHistoryCleanupJobs()).as("the nightly cleanup is scheduled").isNotEmpty();
    }
}
