package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Revoke verification": revokes the account's enterprise verification for the finding, unless the account changed
 * to another verification since, and closes the finding. Writes {@code revoked}.
 */
@ProcessBean
@Component("revokeVerification")
class RevokeVerificationDelegate implements JavaDelegate {

    private final EnterpriseRecheckService rechecks;
    private final RegistryFindings findings;

    RevokeVerificationDelegate(EnterpriseRecheckService rechecks, RegistryFindings findings) {
        this.rechecks = rechecks;
        this.findings = findings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String accountId = Variables.accountId(execution);
        boolean revoked = rechecks.revoke(accountId, Variables.string(execution, Recheck.Var.VERIFIED_APPLICATION_ID),
                RegistryFinding.valueOf(Variables.string(execution, Recheck.Var.FINDING)));
        findings.close(accountId, revoked ? RegistryFindings.Outcome.REVOKED : RegistryFindings.Outcome.CLEARED,
                Variables.string(execution, Recheck.Var.FINDING_REVIEWED_BY));
        execution.setVariable(Recheck.Var.REVOKED, revoked);
    }
}
