package com.nimbus.identity.support;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.account.NewAccount;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.VerificationApplication;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Accounts, applications and review decisions for tests, through the application's own services. */
@Component
public class Fixtures {

    private final AccountService accounts;
    private final ApplicationService applications;
    private final ProcessEngine engine;

    public Fixtures(AccountService accounts, ApplicationService applications, ProcessEngine engine) {
        this.accounts = accounts;
        this.applications = applications;
        this.engine = engine;
    }

    public Account account() {
        return account("CN");
    }

    public Account account(String region) {
        return accounts.open(new NewAccount("holder@example.com", "+8613800138000", region, "en"));
    }

    public static String individualJson(String documentNumber) {
        return "{\"identityType\":\"INDIVIDUAL\",\"fullName\":\"Wang Xiaoming\",\"address\":\"1 Jianguo Road, Beijing\","
                + "\"documentType\":\"ID_CARD\",\"documentNumber\":\"" + documentNumber + "\"}";
    }

    public static String enterpriseJson(String registrationNumber) {
        return "{\"identityType\":\"ENTERPRISE\",\"enterpriseName\":\"Beijing Example Technology Co., Ltd.\","
                + "\"registeredAddress\":\"8 Zhongguancun Street, Beijing\",\"registrationNumber\":\"" + registrationNumber + "\"}";
    }

    public VerificationApplication submitIndividual(String accountId) {
        return submitIndividual(accountId, TestIdentities.cnResidentId());
    }

    public VerificationApplication submitIndividual(String accountId, String documentNumber) {
        return applications.submit(accountId, individualJson(documentNumber), TestImages.documentPng());
    }

    public VerificationApplication submitEnterprise(String accountId, String registrationNumber) {
        return applications.submit(accountId, enterpriseJson(registrationNumber), TestImages.documentPng());
    }

    /** Runs the automated checks (and anything else due) of the application. */
    public void runJobs(String applicationId) {
        Processes.executeJobs(engine, applicationId);
    }

    public Task reviewTask(String applicationId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId)
                .taskDefinitionKey("reviewApplication").singleResult();
    }

    /** Claims and completes the review as a reviewer would in Tasklist. */
    public void decide(String applicationId, String reviewer, Map<String, Object> variables) {
        Task task = reviewTask(applicationId);
        engine.getTaskService().claim(task.getId(), reviewer);
        engine.getTaskService().complete(task.getId(), variables);
    }

    /**
     * alice approves; when the approval needs a second reviewer's (four eyes: a soft signal such as an earlier
     * rejection of the account, a photo close to too blurry or one sent by another account too), bob approves too.
     */
    public void approve(String applicationId) {
        decide(applicationId, "alice", Map.of("decision", "APPROVE"));
        Task second = secondReviewTask(applicationId);
        if (second != null) {
            engine.getTaskService().claim(second.getId(), "bob");
            engine.getTaskService().complete(second.getId(), Map.of("decision", "APPROVE"));
        }
    }

    public Task secondReviewTask(String applicationId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applicationId)
                .taskDefinitionKey("secondReview").singleResult();
    }

    public void reject(String applicationId, String reasonsJson, String comment) {
        decide(applicationId, "alice", Variables.createVariables()
                .putValue("decision", "REJECT")
                .putValueTyped("rejectionReasons", org.camunda.spin.plugin.variable.SpinValues.jsonValue(reasonsJson).create())
                .putValue("reviewComment", comment));
    }

    /** Submits, checks, approves and finishes the notification jobs: the account ends VERIFIED. */
    public VerificationApplication verifiedIndividual(String accountId) {
        return approved(submitIndividual(accountId));
    }

    public VerificationApplication verifiedEnterprise(String accountId) {
        return approved(submitEnterprise(accountId, TestIdentities.unifiedSocialCreditCode()));
    }

    /** Runs the checks of a submitted application, approves it and runs the jobs that follow. */
    public VerificationApplication approved(VerificationApplication application) {
        runJobs(application.getId());
        approve(application.getId());
        runJobs(application.getId());
        return application;
    }
}
