package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record rejection": rejects the application with the codes in {@code rejectionReasons}. */
@Component("rejectApplication")
class RejectApplicationDelegate implements JavaDelegate {

    private final ApplicationService applications;

    RejectApplicationDelegate(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean automated = Boolean.FALSE.equals(execution.getVariable(Workflow.Var.AUTOMATED_CHECKS_PASSED));
        String by = automated ? Workflow.AUTOMATED_CHECKS_ACTOR : Variables.string(execution, Workflow.Var.REVIEWED_BY);
        applications.reject(Variables.applicationId(execution),
                Variables.stringList(execution, Workflow.Var.REJECTION_REASONS), by,
                Variables.string(execution, Workflow.Var.REVIEW_COMMENT));
    }
}
