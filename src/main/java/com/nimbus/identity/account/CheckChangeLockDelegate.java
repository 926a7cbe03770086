package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check change lock": runs in the transaction that starts the change, so a change the lock holds back is
 * refused at once (409 CHANGE_LOCKED) and nothing is stored.
 */
@Component("checkChangeLock")
class CheckChangeLockDelegate implements JavaDelegate {

    private final ChangeLock changeLock;

    CheckChangeLockDelegate(ChangeLock changeLock) {
        this.changeLock = changeLock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        changeLock.requireChangeAllowed(Variables.accountId(execution),
                IdentityType.valueOf(Variables.string(execution, Workflow.Var.IDENTITY_TYPE)));
    }
}
