package com.nimbus.identity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestSmtp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The channels as the engine runs them: a "Notify rejection" step as a parallel multi-instance over the channels,
 * async before each instance, calling the {@code notifyAccountHolder} delegate, so that each channel is a job of
 * its own with the default retry cycle. The model is deployed by the test only (the product's models are in
 * processes/).
 */
@IntegrationTest
class NotificationChannelsProcessIT {

    private static final String PROCESS = "notification-channels-test";
    private static final String STEP = "Activity_NotifyRejection";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    MessageCenter messageCenter;
    @Autowired
    AccountService accounts;
    @Autowired
    ApplicationService applications;
    @Autowired
    JdbcTemplate jdbc;

    private GreenMail smtp;
    private NotificationFixtures fixtures;
    private Deployment deployment;

    /** Fails the end of the step once, after the email was sent: as when the job's transaction cannot commit. */
    public static class FailOnceAfterEmail implements ExecutionListener {
        static final AtomicBoolean armed = new AtomicBoolean();

        @Override
        public void notify(DelegateExecution execution) {
            if ("EMAIL".equals(execution.getVariable("channel")) && armed.getAndSet(false)) {
                throw new IllegalStateException("the job fails after the email was sent");
            }
        }
    }

    @BeforeEach
    void deployAndStartSmtp() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
                .name("Notification channels (test)")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Decided").name("Decided")
                .serviceTask(STEP).name("Notify rejection")
                    .camundaDelegateExpression("${notifyAccountHolder}")
                    .camundaInputParameter("event", "APPLICATION_REJECTED")
                    .camundaExecutionListenerClass(ExecutionListener.EVENTNAME_END, FailOnceAfterEmail.class.getName())
                    .multiInstance().parallel()
                        .camundaCollection("${channels}").camundaElementVariable("channel")
                        .camundaAsyncBefore()
                    .multiInstanceDone()
                .endEvent("EndEvent_Notified").name("Notified")
                .done();
        deployment = repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
        smtp = TestSmtp.running();
        fixtures = new NotificationFixtures(accounts, applications, runtime, jdbc);
        FailOnceAfterEmail.armed.set(false);
    }

    @AfterEach
    void undeployAndStopSmtp() {
        TestSmtp.running();
        repository.deleteDeployment(deployment.getId(), true, true);
    }

    private String start(Account account, VerificationApplication application) {
        return runtime.startProcessInstanceByKey(PROCESS, application.getId(), Map.of(
                "accountId", account.getId(),
                "applicationId", application.getId(),
                "channels", List.of("MESSAGE_CENTER", "EMAIL", "SMS"))).getId();
    }

    private List<Job> jobs(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).list();
    }

    private Job emailJob(String processInstanceId) {
        return jobs(processInstanceId).stream()
                .filter(job -> "EMAIL".equals(runtime.getVariable(job.getExecutionId(), "channel")))
                .findFirst().orElseThrow();
    }

    private int mailsTo(String address) {
        return (int) Arrays.stream(smtp.getReceivedMessages()).map(MailParts::of).filter(m -> m.to().contains(address)).count();
    }

    @Test
    void withTheSmtpServerDownTheEmailJobBecomesAnIncidentAndTheRetryWhenItIsBackSendsItOnce() {
        Account account = fixtures.account("en");
        VerificationApplication application = fixtures.rejectedApplication(account, List.of("ADDRESS_MISMATCH"), null);
        TestSmtp.stop();
        String instance = start(account, application);
        assertThat(jobs(instance)).hasSize(3);
        String emailJob = emailJob(instance).getId();

        for (Job job : jobs(instance)) {
            if (!job.getId().equals(emailJob)) {
                management.executeJob(job.getId());
            }
        }
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(emailJob)).hasMessageContaining("could not be sent by EMAIL");
        }

        Job failed = management.createJobQuery().jobId(emailJob).singleResult();
        assertThat(failed.getRetries()).isZero();
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instance).list();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
            assertThat(incident.getActivityId()).isEqualTo(STEP);
            assertThat(incident.getIncidentMessage()).contains("could not be sent by EMAIL");
        });
        assertThat(messageCenter.list(account.getId(), 0, 10).getTotalElements()).isEqualTo(1);
        assertThat(fixtures.outboxSms(account.getPhone())).isEqualTo(1);
        assertThat(fixtures.deliveries(instance + ":" + STEP + ":" + account.getId())).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);

        // the operator's "Retry" in Cockpit, once the SMTP server is back
        smtp = TestSmtp.running();
        management.setJobRetries(emailJob, 1);
        management.executeJob(emailJob);

        assertThat(mailsTo(account.getEmail())).isEqualTo(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(messageCenter.list(account.getId(), 0, 10).getTotalElements()).isEqualTo(1);
        assertThat(fixtures.outboxSms(account.getPhone())).isEqualTo(1);
        assertThat(fixtures.deliveries(instance + ":" + STEP + ":" + account.getId())).isEqualTo(3);
    }

    @Test
    void aJobThatFailsAfterTheEmailWasSentDoesNotSendItAgainWhenRetried() {
        Account account = fixtures.account("zh-CN");
        VerificationApplication application = fixtures.rejectedApplication(account, List.of("DOCUMENT_EXPIRED"), null);
        String instance = start(account, application);
        String emailJob = emailJob(instance).getId();
        FailOnceAfterEmail.armed.set(true);

        assertThatThrownBy(() -> management.executeJob(emailJob)).hasMessageContaining("after the email was sent");
        assertThat(mailsTo(account.getEmail())).isEqualTo(1);
        assertThat(management.createJobQuery().jobId(emailJob).singleResult().getRetries()).isEqualTo(2);

        management.executeJob(emailJob);
        for (Job job : jobs(instance)) {
            management.executeJob(job.getId());
        }

        assertThat(mailsTo(account.getEmail())).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(messageCenter.list(account.getId(), 0, 10).getContent()).singleElement()
                .satisfies(m -> assertThat(m.getBody()).contains("证件已过期。 (DOCUMENT_EXPIRED)"));
        assertThat(fixtures.outboxSms(account.getPhone())).isEqualTo(1);
    }
}
