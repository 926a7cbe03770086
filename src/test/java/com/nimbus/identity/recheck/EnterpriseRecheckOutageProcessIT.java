package com.nimbus.identity.recheck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A registry outage during a sweep, with the HTTP registry pointed at a local stub and one account per page:
 * the page the registry fails for revokes nothing, is retried and ends as an incident, while the sweep goes on
 * with the other accounts.
 */
@IntegrationTest
class EnterpriseRecheckOutageProcessIT {

    private static final WireMockServer registryStub = startStub();

    @DynamicPropertySource
    static void httpRegistry(DynamicPropertyRegistry properties) {
        properties.add("identity.recheck.registry", () -> "http");
        properties.add("identity.recheck.http.base-url", () -> registryStub.baseUrl());
        properties.add("identity.recheck.http.read-timeout", () -> "1s");
        properties.add("identity.recheck.page-size", () -> "1");
    }

    private static WireMockServer startStub() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stopStub() {
        registryStub.stop();
    }

    @Autowired ProcessEngine engine;
    @Autowired EnterpriseRechecks rechecks;
    @Autowired AccountRepository accounts;
    @Autowired QuotaService quotas;
    @Autowired JdbcTemplate jdbc;
    @Autowired FieldCipher cipher;
    @Autowired PlatformTransactionManager transactionManager;

    EnterpriseAccounts enterprises;

    @BeforeEach
    void setUp() {
        enterprises = new EnterpriseAccounts(jdbc, cipher, quotas, transactionManager);
        registryStub.resetAll();
        // accounts other tests left in the database: the registry is down for them, so they stay as they are
        registryStub.stubFor(get(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(503)));
    }

    @Test
    void aPageTheRegistryFailsForRevokesNothingBecomesAnIncidentAndTheSweepGoesOn() {
        String failing = TestIdentities.unifiedSocialCreditCode();
        String slow = TestIdentities.unifiedSocialCreditCode();
        String dissolved = TestIdentities.unifiedSocialCreditCode();
        String active = TestIdentities.unifiedSocialCreditCode();
        String ofFailing = enterprises.verified("Failing Ltd.", "1 Road", failing);
        String ofSlow = enterprises.verified("Slow Ltd.", "2 Road", slow);
        String ofDissolved = enterprises.verified("Dissolved Ltd.", "3 Road", dissolved);
        String ofActive = enterprises.verified("Active Ltd.", "4 Road", active);
        registryStub.stubFor(get("/enterprises/CN/" + failing).willReturn(aResponse().withStatus(500)));
        registryStub.stubFor(get("/enterprises/CN/" + slow).willReturn(okJson(
                "{\"name\": \"Slow Ltd.\", \"registeredAddress\": \"2 Road\", \"status\": \"DISSOLVED\"}")
                .withFixedDelay(3_000)));
        registryStub.stubFor(get("/enterprises/CN/" + dissolved).willReturn(okJson(
                "{\"name\": \"Dissolved Ltd.\", \"registeredAddress\": \"3 Road\", \"status\": \"DISSOLVED\"}")));
        registryStub.stubFor(get("/enterprises/CN/" + active).willReturn(okJson(
                "{\"name\": \"ACTIVE LTD\", \"registeredAddress\": \"4, Road\", \"status\": \"ACTIVE\"}")));

        ProcessInstance sweep = rechecks.startSweep();
        List<RuntimeException> failures = RecheckJobs.runDueJobs(engine, sweep.getId());

        // the pages the registry answered for are done
        assertThat(accounts.findById(ofDissolved).orElseThrow().getRevocationCode()).isEqualTo("ENTERPRISE_DISSOLVED");
        assertThat(quotas.used(enterprises.identityKey(dissolved))).isZero();
        assertThat(enterprises.revokedMessages(ofDissolved)).isEqualTo(1);
        assertThat(accounts.findById(ofActive).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        // the pages it failed for (500, timeout) revoked nothing and wait for their next attempt
        assertThat(failures).isNotEmpty();
        for (String accountId : List.of(ofFailing, ofSlow)) {
            assertThat(accounts.findById(accountId).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);
            assertThat(enterprises.revokedMessages(accountId)).isZero();
            Job job = pageJob(sweep, accountId);
            assertThat(job.getRetries()).isEqualTo(2);
            assertThat(job.getDuedate()).isInTheFuture();
        }
        assertThat(quotas.used(enterprises.identityKey(failing))).isEqualTo(1);
        assertThat(pageJob(sweep, ofFailing).getExceptionMessage()).contains("HTTP 500");
        assertThat(pageJob(sweep, ofSlow).getExceptionMessage()).contains("did not answer");
        assertThat(RecheckJobs.ended(engine, sweep.getId())).isFalse();

        // the registry keeps failing: the retries run out and the page becomes an incident
        ManagementService management = engine.getManagementService();
        for (int attempt = 0; attempt < 2; attempt++) {
            String jobId = pageJob(sweep, ofFailing).getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("HTTP 500");
        }
        assertThat(pageJob(sweep, ofFailing).getRetries()).isZero();
        List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().processInstanceId(sweep.getId())
                .activityId("Activity_RecheckAccounts").list();
        assertThat(incidents).anySatisfy(incident -> {
            assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
            assertThat(incident.getIncidentMessage()).contains("HTTP 500");
            assertThat(incident.getConfiguration()).isEqualTo(pageJob(sweep, ofFailing).getId());
        });
        assertThat(accounts.findById(ofFailing).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(quotas.used(enterprises.identityKey(failing))).isEqualTo(1);

        // once the registry is back, retrying the incident's job re-checks the page
        registryStub.stubFor(get("/enterprises/CN/" + failing).willReturn(okJson(
                "{\"name\": \"Failing Ltd.\", \"registeredAddress\": \"1 Road\", \"status\": \"ACTIVE\"}")));
        String jobId = pageJob(sweep, ofFailing).getId();
        management.setJobRetries(jobId, 1);
        management.executeJob(jobId);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(sweep.getId())
                .configuration(jobId).count()).isZero();
        assertThat(accounts.findById(ofFailing).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);

        engine.getRuntimeService().deleteProcessInstance(sweep.getId(), "outage test over");
    }

    /** The job of the page that re-checks this account (one account per page here). */
    private Job pageJob(ProcessInstance sweep, String accountId) {
        return engine.getManagementService().createJobQuery().processInstanceId(sweep.getId())
                .activityId("Activity_RecheckAccounts").list().stream()
                .filter(job -> accountId.equals(engine.getRuntimeService()
                        .getVariableLocal(job.getExecutionId(), Recheck.Var.FIRST_ACCOUNT_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("no page job for " + accountId));
    }
}
