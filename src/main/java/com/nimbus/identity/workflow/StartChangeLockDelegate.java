package com.nimbus.identity.workflow;

import com.nimbus.identity.account.ChangeLock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start change lock": writes {@code changeLockedUntil}, the date the timer "Change lock expires" waits for. */
@Component("startChangeLock")
class StartChangeLockDelegate implements JavaDelegate {

    private final ChangeLock changeLock;

    StartChangeLockDelegate(ChangeLock changeLock) {
        this.changeLock = changeLock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Workflow.Var.CHANGE_LOCKED_UNTIL,
                changeLock.start(Variables.accountId(execution), Variables.applicationId(execution)));
    }
}
