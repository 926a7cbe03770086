package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Report registry findings": starts one "Registry finding reported" instance per finding of the page (business key:
 * the account id), in the page's transaction, unless the account has a finding open already or a reviewer kept this
 * finding of this verification ({@link RegistryFindings}). Each instance's first step waits for a job of its own, so
 * the page does not wait for the decision table or the notices.
 */
@ProcessBean
@Component("reportRegistryFindings")
class ReportRegistryFindingsDelegate implements JavaDelegate {

    private final RegistryFindings findings;
    private final RuntimeService runtime;

    ReportRegistryFindingsDelegate(RegistryFindings findings, RuntimeService runtime) {
        this.findings = findings;
        this.runtime = runtime;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        for (Map<String, String> reported : (List<Map<String, String>>) execution.getVariable(Recheck.Var.FINDINGS)) {
            EnterpriseRecheckService.Finding finding = new EnterpriseRecheckService.Finding(reported.get("accountId"),
                    reported.get("applicationId"), RegistryFinding.valueOf(reported.get("finding")));
            if (findings.open(finding)) {
                runtime.createMessageCorrelation(Recheck.MESSAGE_REGISTRY_FINDING_REPORTED)
                        .processInstanceBusinessKey(finding.accountId())
                        .setVariable(Workflow.Var.ACCOUNT_ID, finding.accountId())
                        .setVariable(Recheck.Var.VERIFIED_APPLICATION_ID, finding.applicationId())
                        .setVariable(Recheck.Var.FINDING, finding.finding().name())
                        .correlateStartMessage();
            }
        }
    }
}
