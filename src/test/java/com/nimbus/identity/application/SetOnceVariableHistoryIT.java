package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history of an application's instances is full, but for the creation of the variables set once (ids and the
 * addresses derived from them): those are in the history's variable instances and nowhere twice; every other variable,
 * and any later change of a set-once one, has its detail as before.
 */
@IntegrationTest
class SetOnceVariableHistoryIT {

    @Autowired ProcessEngine engine;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationService applications;

    private List<String> detailNames(String processInstanceId) {
        return engine.getHistoryService().createHistoricDetailQuery().variableUpdates()
                .processInstanceId(processInstanceId).list().stream()
                .map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
    }

    @Test
    void setOnceVariablesAreInTheHistoryOnceAndTheirChangesInFull() {
        VerificationApplication application = applications.submit(fixtures.account("CN").getId(),
                Fixtures.individualJson(TestIdentities.cnResidentId()), TestImages.documentPng());
        fixtures.runJobs(application.getId());
        HistoryService history = engine.getHistoryService();
        String review = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(application.getId())
                .processDefinitionKey(Workflow.IDENTITY_REVIEW).singleResult().getId();

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(review).list())
                .extracting(v -> v.getName())
                .contains(Workflow.Var.APPLICATION_ID, Workflow.Var.ACCOUNT_ID, Workflow.Var.DOCUMENT_URL,
                        Workflow.Var.documentPageUrl(1), Workflow.Var.AUTOMATED_CHECKS_PASSED);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(review)
                .variableName(Workflow.Var.APPLICATION_ID).singleResult().getValue()).isEqualTo(application.getId());
        assertThat(detailNames(review)).as("details of the variables that are not set once")
                .contains(Workflow.Var.AUTOMATED_CHECKS_PASSED, Workflow.Var.CHECK_SUMMARY)
                .doesNotContainAnyElementsOf(Workflow.SET_ONCE_VARIABLES);

        engine.getRuntimeService().setVariable(review, Workflow.Var.DOCUMENT_URL, "https://changed.example/document");
        List<HistoricDetail> changes = history.createHistoricDetailQuery().variableUpdates().processInstanceId(review)
                .list().stream().filter(d -> Workflow.Var.DOCUMENT_URL.equals(((HistoricVariableUpdate) d).getVariableName()))
                .toList();
        assertThat(changes).singleElement().satisfies(d ->
                assertThat(((HistoricVariableUpdate) d).getValue()).isEqualTo("https://changed.example/document"));
    }
}
