package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Request revocation notices": starts one "Revocation notice requested" instance per account in
 * {@code revokedAccountIds}, in the transaction that revoked them. Each notice is an instance of its own, so
 * notices run in parallel and the sweep does not wait for mail servers or SMS providers.
 */
@ProcessBean
@Component("requestRevocationNotices")
class RequestRevocationNoticesDelegate implements JavaDelegate {

    private final RuntimeService runtime;

    RequestRevocationNoticesDelegate(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        for (String accountId : (List<String>) execution.getVariable(Recheck.Var.REVOKED_ACCOUNT_IDS)) {
            runtime.createMessageCorrelation(Recheck.MESSAGE_REVOCATION_NOTICE_REQUESTED)
                    .processInstanceBusinessKey(accountId)
                    .setVariable(Workflow.Var.ACCOUNT_ID, accountId)
                    .correlateStartMessage();
        }
    }
}
