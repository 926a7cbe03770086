package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Verify account": approves the application. Throws the BPMN error {@code QUOTA_EXCEEDED} when the identity's
 * quota filled up since submission; the application is then already recorded as rejected for that reason.
 */
@ProcessBean
@Component("approveApplication")
class ApproveApplicationDelegate implements JavaDelegate {

    private final ApplicationService applications;

    ApproveApplicationDelegate(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean verified = applications.approve(Variables.applicationId(execution),
                Variables.string(execution, Workflow.Var.REVIEWED_BY),
                Variables.string(execution, Workflow.Var.REVIEW_COMMENT));
        if (!verified) {
            throw new BpmnError(Workflow.ERROR_QUOTA_EXCEEDED, "the identity's quota is full");
        }
    }
}
