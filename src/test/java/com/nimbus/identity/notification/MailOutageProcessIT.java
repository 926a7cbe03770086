package com.nimbus.identity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountRepository;
import com.nimbus.identity.account.VerificationStatus;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.TestSmtp;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mail server down at the moment of a decision, through the real identity-verification model: the decision
 * stands, the email job is retried and becomes an incident, and once the server is back a retry sends the email
 * exactly once while the other channels are not sent again.
 */
@IntegrationTest
class MailOutageProcessIT {

    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void mailServerBack() {
        TestSmtp.running();
    }

    private long mailsTo(String applicationId) {
        return Arrays.stream(TestSmtp.running().getReceivedMessages())
                .filter(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m).contains(applicationId)).count();
    }

    @Test
    void anApprovalStandsWhileTheMailServerIsDownAndTheEmailArrivesOnceAfterTheRetry() {
        Account account = fixtures.account();
        VerificationApplication application = fixtures.submitIndividual(account.getId());
        fixtures.runJobs(application.getId());

        TestSmtp.stop();
        fixtures.approve(application.getId());
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);

        List<Job> notifyJobs = Processes.dueJobs(engine, application.getId());
        assertThat(notifyJobs).hasSize(3);
        Job email = notifyJobs.stream()
                .filter(j -> "EMAIL".equals(engine.getRuntimeService().getVariable(j.getExecutionId(), "channel")))
                .findFirst().orElseThrow();
        notifyJobs.stream().filter(j -> !j.getId().equals(email.getId()))
                .forEach(j -> engine.getManagementService().executeJob(j.getId()));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(email.getId()))
                    .hasMessageContaining("EMAIL");
        }
        Incident incident = engine.getRuntimeService().createIncidentQuery().configuration(email.getId())
                .processInstanceId(email.getProcessInstanceId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Activity_NotifyApproval");
        assertThat(accounts.findById(account.getId()).orElseThrow().getStatus()).isEqualTo(VerificationStatus.VERIFIED);

        TestSmtp.running();
        engine.getManagementService().setJobRetries(email.getId(), 1);
        engine.getManagementService().executeJob(email.getId());

        assertThat(mailsTo(application.getId())).isEqualTo(1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(email.getProcessInstanceId()).count())
                .isZero();
        assertThat(jdbc.queryForList("select channel from notification_delivery where application_id = ? and event = ?",
                String.class, application.getId(), "APPLICATION_APPROVED"))
                .containsExactlyInAnyOrder("MESSAGE_CENTER", "EMAIL", "SMS");
        assertThat(jdbc.queryForObject("select count(*) from message where application_id = ?", Integer.class,
                application.getId())).isEqualTo(1);
    }
}
