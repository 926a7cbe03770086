package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Re-check accounts": re-checks the accounts from {@code firstAccountId} to {@code lastAccountId} against the
 * registry and revokes what it no longer supports. Writes, local to the page's scope, {@code accountsChecked},
 * {@code accountsRevoked} and {@code revokedAccountIds} (a JSON list, the collection of "Notify holder").
 * A registry that cannot answer fails the job (nothing revoked): retried, then an incident.
 */
@ProcessBean
@Component("recheckAccounts")
class RecheckAccountsDelegate implements JavaDelegate {

    private final EnterpriseRecheckService rechecks;

    RecheckAccountsDelegate(EnterpriseRecheckService rechecks) {
        this.rechecks = rechecks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EnterpriseRecheckService.Result result = rechecks.recheck(
                (String) execution.getVariable(Recheck.Var.FIRST_ACCOUNT_ID),
                (String) execution.getVariable(Recheck.Var.LAST_ACCOUNT_ID));
        execution.setVariableLocal(Recheck.Var.ACCOUNTS_CHECKED, result.accountsChecked());
        execution.setVariableLocal(Recheck.Var.ACCOUNTS_REVOKED, result.revocations().size());
        execution.setVariableLocal(Recheck.Var.REVOKED_ACCOUNT_IDS,
                Variables.objectValue(new ArrayList<>(result.revokedAccountIds()))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}
