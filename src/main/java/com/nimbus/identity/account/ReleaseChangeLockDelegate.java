package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Release change lock": ends the lock this verification started, unless a newer verification restarted it. */
@ProcessBean
@Component("releaseChangeLock")
class ReleaseChangeLockDelegate implements JavaDelegate {

    private final ChangeLock changeLock;

    ReleaseChangeLockDelegate(ChangeLock changeLock) {
        this.changeLock = changeLock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        changeLock.release(Variables.accountId(execution), Variables.applicationId(execution));
    }
}
