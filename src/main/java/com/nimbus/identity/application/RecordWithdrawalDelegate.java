package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record withdrawal": the application becomes WITHDRAWN; the account is left as it was. */
@ProcessBean
@Component("recordWithdrawal")
class RecordWithdrawalDelegate implements JavaDelegate {

    private final ApplicationService applications;

    RecordWithdrawalDelegate(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.recordWithdrawal(Variables.applicationId(execution));
    }
}
