package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.ReasonCode;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Decide document unclear": no new pages came in time after a reviewer asked for them, so the review's decision is
 * a rejection with {@code DOCUMENT_UNCLEAR}, which the caller records and tells as any rejection (by the reviewer who
 * asked, whose comment stands).
 */
@ProcessBean
@Component("decideDocumentUnclear")
class DecideDocumentUnclearDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Workflow.Var.DECISION, Workflow.DECISION_REJECT);
        execution.setVariable(Workflow.Var.REJECTION_REASONS, SpinValues.jsonValue(
                Variables.jsonArray(List.of(ReasonCode.DOCUMENT_UNCLEAR.name()))).create());
    }
}
