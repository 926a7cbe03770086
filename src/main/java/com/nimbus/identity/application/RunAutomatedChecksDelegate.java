package com.nimbus.identity.application;

import com.nimbus.identity.document.check.CheckReport;
import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.ReasonCode;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Run automated checks": writes {@code automatedChecksPassed}, {@code checkSummary}, the soft signals
 * {@code similarPhotoWarning} and {@code blurWarning} and, on failure, the reasons.
 */
@ProcessBean
@Component("runAutomatedChecks")
class RunAutomatedChecksDelegate implements JavaDelegate {

    private final ApplicationService applications;

    RunAutomatedChecksDelegate(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CheckReport report = applications.runAutomatedChecks(Variables.applicationId(execution));
        execution.setVariable(Workflow.Var.AUTOMATED_CHECKS_PASSED, report.passed());
        execution.setVariable(Workflow.Var.CHECK_SUMMARY, report.summary());
        execution.setVariable(Workflow.Var.SIMILAR_PHOTO_WARNING, report.similarPhotoWarning());
        execution.setVariable(Workflow.Var.BLUR_WARNING, report.blurWarning());
        if (!report.passed()) {
            execution.setVariable(Workflow.Var.REJECTION_REASONS, SpinValues.jsonValue(
                    Variables.jsonArray(report.failureReasons().stream().map(ReasonCode::name).toList())).create());
        }
    }
}
