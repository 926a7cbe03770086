package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.account.PendingApplications;
import com.nimbus.identity.workflow.Variables;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Re-check account", after the grace period of a data mismatch: asks the registry again about this account and
 * writes {@code stillMismatched} (the verification the finding was about still does not match the registered data)
 * and {@code changePending} (the holder has a change application pending). A registry that cannot answer fails the
 * job (retried, then an incident): it never revokes.
 */
@ProcessBean
@Component("recheckFinding")
class RecheckFindingDelegate implements JavaDelegate {

    private final EnterpriseRecheckService rechecks;
    private final PendingApplications pendingApplications;

    RecheckFindingDelegate(EnterpriseRecheckService rechecks, PendingApplications pendingApplications) {
        this.rechecks = rechecks;
        this.pendingApplications = pendingApplications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String accountId = Variables.accountId(execution);
        Optional<RegistryFinding> now = rechecks.findingNow(accountId,
                Variables.string(execution, Recheck.Var.VERIFIED_APPLICATION_ID));
        execution.setVariable(Recheck.Var.STILL_MISMATCHED, now.filter(f -> f == RegistryFinding.DATA_MISMATCH).isPresent());
        execution.setVariable(Recheck.Var.CHANGE_PENDING, pendingApplications.pendingApplicationId(accountId).isPresent());
    }
}
