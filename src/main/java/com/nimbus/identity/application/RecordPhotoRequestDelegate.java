package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record photo request": the application becomes {@code PHOTO_REQUESTED} with the reviewer's reasons and comment
 * ({@link ApplicationService#requestPhoto}); the reviewer who asked is kept in {@code photoRequestedBy}, so that the
 * review after the new pages is offered to her first, and {@code photoRequests} counts the requests.
 */
@ProcessBean
@Component("recordPhotoRequest")
class RecordPhotoRequestDelegate implements JavaDelegate {

    private final ApplicationService applications;

    RecordPhotoRequestDelegate(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.requestPhoto(Variables.applicationId(execution),
                Variables.stringList(execution, Workflow.Var.REJECTION_REASONS),
                Variables.string(execution, Workflow.Var.REVIEW_COMMENT));
        execution.setVariable(Workflow.Var.PHOTO_REQUESTED_BY, Variables.string(execution, Workflow.Var.REVIEWED_BY));
        Object before = execution.getVariable(Workflow.Var.PHOTO_REQUESTS);
        execution.setVariable(Workflow.Var.PHOTO_REQUESTS, before instanceof Number n ? n.intValue() + 1 : 1);
    }
}
