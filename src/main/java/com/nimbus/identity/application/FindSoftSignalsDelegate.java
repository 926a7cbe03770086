package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Find soft signals": writes the application's soft signals the automated checks do not see,
 * {@code enterpriseToIndividual} and {@code daysSinceLastRejection} ({@link ApplicationService#softSignals}), for the
 * decision table four-eyes.
 */
@ProcessBean
@Component("findSoftSignals")
class FindSoftSignalsDelegate implements JavaDelegate {

    private final ApplicationService applications;

    FindSoftSignalsDelegate(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApplicationService.SoftSignals signals = applications.softSignals(Variables.applicationId(execution));
        execution.setVariable(Workflow.Var.ENTERPRISE_TO_INDIVIDUAL, signals.enterpriseToIndividual());
        execution.setVariable(Workflow.Var.DAYS_SINCE_LAST_REJECTION, signals.daysSinceLastRejection());
    }
}
