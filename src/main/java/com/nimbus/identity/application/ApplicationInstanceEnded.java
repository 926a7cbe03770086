package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.Workflow;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The listener on the end of every instance of {@code identity-verification} and {@code identity-change}: an instance
 * that ends while its application is still pending (deleted or cancelled in Cockpit or through the REST API) cancels
 * the application and frees the account ({@link ApplicationReconciliation}). Added by the engine when it reads the
 * models, as a built-in listener, so that it runs also when Cockpit is told to skip the models' own listeners, and
 * whatever a process owner changes in the models.
 */
@Component
class ApplicationInstanceEnded extends AbstractProcessEnginePlugin {

    private static final Set<String> PROCESSES = Set.of(Workflow.IDENTITY_VERIFICATION, Workflow.IDENTITY_CHANGE);

    private final ObjectProvider<ApplicationReconciliation> reconciliation;

    ApplicationInstanceEnded(ObjectProvider<ApplicationReconciliation> reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (PROCESSES.contains(definition.getKey())) {
                    ExecutionListener listener = ApplicationInstanceEnded.this::ended;
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
                }
            }
        });
    }

    void ended(DelegateExecution execution) {
        String applicationId = execution.getProcessBusinessKey();
        if (applicationId == null) {
            return;
        }
        String reason = execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
        boolean forIncident = reason != null && reason.startsWith(ApplicationReconciliation.INCIDENT_REASON_PREFIX);
        reconciliation.getObject().cancelIfPending(applicationId, execution.getProcessInstanceId(),
                forIncident ? ApplicationReconciliation.Finding.INCIDENT : ApplicationReconciliation.Finding.INSTANCE_ENDED,
                forIncident ? reason.substring(ApplicationReconciliation.INCIDENT_REASON_PREFIX.length())
                        : reason == null ? "the instance ended without deciding it" : "deleted: " + reason);
    }
}
