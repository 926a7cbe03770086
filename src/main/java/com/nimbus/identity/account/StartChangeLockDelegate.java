package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start change lock": holds the lock for the ISO 8601 duration in the input parameter {@code lockDuration}
 * (the model's default is the configured {@code identity.change-lock.duration}) and writes
 * {@code changeLockedUntil}, the date the timer "Change lock expires" waits for.
 */
@ProcessBean
@Component("startChangeLock")
class StartChangeLockDelegate implements JavaDelegate {

    private final ChangeLock changeLock;

    StartChangeLockDelegate(ChangeLock changeLock) {
        this.changeLock = changeLock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Duration length = Duration.parse(Variables.string(execution, Workflow.Var.LOCK_DURATION));
        execution.setVariable(Workflow.Var.CHANGE_LOCKED_UNTIL,
                changeLock.start(Variables.accountId(execution), Variables.applicationId(execution), length));
    }
}
