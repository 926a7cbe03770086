package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Keep verification" and "Clear finding": closes the account's finding without revoking, with the input parameter
 * {@code outcome} ({@code KEPT}: a reviewer kept the verification, not reported again for it; {@code CLEARED}: the
 * finding went away or a change is pending, reported again by a later sweep if it is still there).
 */
@ProcessBean
@Component("closeFinding")
class CloseFindingDelegate implements JavaDelegate {

    private final RegistryFindings findings;

    CloseFindingDelegate(RegistryFindings findings) {
        this.findings = findings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        findings.close(Variables.accountId(execution),
                RegistryFindings.Outcome.valueOf(Variables.string(execution, Recheck.Var.OUTCOME)),
                Variables.string(execution, Recheck.Var.FINDING_REVIEWED_BY));
    }
}
