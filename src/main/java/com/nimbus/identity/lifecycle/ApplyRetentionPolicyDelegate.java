package com.nimbus.identity.lifecycle;

import com.nimbus.identity.vocabulary.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Apply retention policy" of {@code identity-retention}: runs {@link Retention#apply()} and writes its counts,
 * {@code verificationsEnded}, {@code applicationsReduced} and {@code pagesDeleted}, so that Cockpit shows what each
 * night did. A failure fails the job: retried, then an incident; what was done before stays done.
 */
@ProcessBean
@Component("applyRetentionPolicy")
class ApplyRetentionPolicyDelegate implements JavaDelegate {

    private final Retention retention;

    ApplyRetentionPolicyDelegate(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Retention.Applied applied = retention.apply();
        execution.setVariable("verificationsEnded", applied.verificationsEnded());
        execution.setVariable("applicationsReduced", applied.applicationsReduced());
        execution.setVariable("pagesDeleted", applied.pagesDeleted());
    }
}
