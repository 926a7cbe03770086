package com.nimbus.identity.notification;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.account.NewAccount;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts and decided applications to notify about, made through the application's own services. */
final class NotificationFixtures {

    private final AccountService accounts;
    private final ApplicationService applications;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;

    NotificationFixtures(AccountService accounts, ApplicationService applications, RuntimeService runtime, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.applications = applications;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    /** A new account in Mainland China with its own email address and phone number. */
    Account account(String language) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return accounts.open(new NewAccount("holder-" + suffix + "@example.com", phone, "CN", language));
    }

    /**
     * An application of the account, rejected by a reviewer with these reasons and comment. The process the
     * submission started is removed once the application is decided (an instance removed while its application is
     * pending would cancel it): the notification tests drive their own steps.
     */
    VerificationApplication rejectedApplication(Account account, List<String> reasonCodes, String comment) {
        String json = """
                {"identityType":"INDIVIDUAL","fullName":"张伟","address":"北京市朝阳区建国路 1 号",
                 "documentType":"ID_CARD","documentNumber":"%s"}""".formatted(TestIdentities.cnResidentId());
        VerificationApplication submitted = applications.submit(account.getId(), json, TestImages.documentPng());
        applications.runAutomatedChecks(submitted.getId());
        applications.reject(submitted.getId(), reasonCodes, "alice", comment);
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.getId()).rootProcessInstances().list()) {
            runtime.deleteProcessInstance(instance.getId(), "notification test fixture", true);
        }
        return applications.find(submitted.getId());
    }

    int outboxSms(String phone) {
        return jdbc.queryForObject("select count(*) from sms_outbox where phone = ?", Integer.class, phone);
    }

    String lastOutboxSms(String phone) {
        return jdbc.queryForObject("select body from sms_outbox where phone = ? order by created_at desc, id limit 1",
                String.class, phone);
    }

    int deliveries(String notificationKey) {
        return jdbc.queryForObject("select count(*) from notification_delivery where notification_key = ?",
                Integer.class, notificationKey);
    }
}
