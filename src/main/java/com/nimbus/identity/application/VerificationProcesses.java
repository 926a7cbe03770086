package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.Workflow;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts and signals the processes that work on applications; the business key is the application id. */
@Component
public class VerificationProcesses {

    private final RuntimeService runtime;

    public VerificationProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(VerificationApplication application) {
        String key = application.getKind() == ApplicationKind.CHANGE
                ? Workflow.IDENTITY_CHANGE : Workflow.IDENTITY_VERIFICATION;
        runtime.startProcessInstanceByKey(key, application.getId(), Map.of(
                Workflow.Var.APPLICATION_ID, application.getId(),
                Workflow.Var.ACCOUNT_ID, application.getAccountId(),
                Workflow.Var.IDENTITY_TYPE, application.getIdentityType().name(),
                Workflow.Var.KIND, application.getKind().name()));
    }

    /**
     * Correlates {@code ApplicationWithdrawn} to the instance working on the application.
     * Throws the engine's {@code MismatchingMessageCorrelationException} when the instance no longer waits for it.
     */
    /**
     * Correlates {@code DocumentReplaced} to the review waiting for new pages of the application's document. Throws
     * the engine's {@code MismatchingMessageCorrelationException} when none waits for them.
     */
    public void documentReplaced(String applicationId) {
        runtime.createMessageCorrelation(Workflow.MESSAGE_DOCUMENT_REPLACED)
                .processInstanceBusinessKey(applicationId)
                .correlate();
    }

    public void withdraw(String applicationId) {
        runtime.createMessageCorrelation(Workflow.MESSAGE_WITHDRAWN)
                .processInstanceBusinessKey(applicationId)
                .correlate();
    }
}
