package com.nimbus.identity.recheck;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Starts instances of {@code enterprise-recheck} outside its schedule. */
@Component
public class EnterpriseRechecks {

    private final RuntimeService runtime;

    public EnterpriseRechecks(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** A sweep over every enterprise-verified account, now. */
    public ProcessInstance startSweep() {
        return runtime.startProcessInstanceByMessage(Recheck.MESSAGE_SWEEP_REQUESTED);
    }

    /** A re-check of one account, now; the instance's business key is the account id. */
    public ProcessInstance recheckAccount(String accountId) {
        return runtime.startProcessInstanceByMessage(Recheck.MESSAGE_ACCOUNT_RECHECK_REQUESTED, accountId,
                Map.of(Recheck.Var.FIRST_ACCOUNT_ID, accountId, Recheck.Var.LAST_ACCOUNT_ID, accountId));
    }
}
