package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reconcile pending applications": {@link ApplicationReconciliation#check()}. Writes {@code pendingChecked} and
 * {@code cancelled}, so that Cockpit's history shows what each run did.
 */
@ProcessBean
@Component("reconcileApplications")
class ReconcileApplicationsDelegate implements JavaDelegate {

    private final ApplicationReconciliation reconciliation;

    ReconcileApplicationsDelegate(ApplicationReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApplicationReconciliation.Check check = reconciliation.check();
        execution.setVariable("pendingChecked", check.pendingChecked());
        execution.setVariable("cancelled", check.cancelled());
    }
}
