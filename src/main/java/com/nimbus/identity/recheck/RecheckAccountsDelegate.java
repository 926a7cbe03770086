package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Re-check accounts": asks the registry about the accounts from {@code firstAccountId} to {@code lastAccountId}.
 * Writes, local to the page's scope, {@code accountsChecked}, {@code findingsFound} and {@code findings} (a JSON list
 * of account id, verified application id and finding). Revokes nothing. A registry that cannot answer fails the job:
 * retried, then an incident.
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
        List<Map<String, String>> findings = new ArrayList<>();
        result.findings().forEach(f -> findings.add(Map.of("accountId", f.accountId(),
                "applicationId", f.applicationId(), "finding", f.finding().name())));
        execution.setVariableLocal(Recheck.Var.ACCOUNTS_CHECKED, result.accountsChecked());
        execution.setVariableLocal(Recheck.Var.FINDINGS_FOUND, findings.size());
        execution.setVariableLocal(Recheck.Var.FINDINGS, Variables.objectValue(findings)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}
