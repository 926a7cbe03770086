package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record rejection" and "Record automated rejection": rejects the application with the codes in
 * {@code rejectionReasons}. Whether the automated checks or a reviewer rejected it is the application's record to
 * tell ({@link ApplicationService#reject}), not a variable.
 */
@ProcessBean
@Component("rejectApplication")
class RejectApplicationDelegate implements JavaDelegate {

    private final ApplicationService applications;

    RejectApplicationDelegate(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.reject(Variables.applicationId(execution),
                Variables.stringList(execution, Workflow.Var.REJECTION_REASONS),
                Variables.string(execution, Workflow.Var.REVIEWED_BY),
                Variables.string(execution, Workflow.Var.REVIEW_COMMENT));
    }
}
