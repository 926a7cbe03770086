package com.nimbus.identity.support;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Drives the processes of one application in tests, where the job executor is off. */
public final class Processes {

    private Processes() {
    }

    /** Executes the due jobs of every instance working on the application until none is left. */
    public static void executeJobs(ProcessEngine engine, String applicationId) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = dueJobs(engine, applicationId);
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs of " + applicationId + " keep coming: a loop in the model?");
    }

    public static List<Job> dueJobs(ProcessEngine engine, String applicationId) {
        return instances(engine, applicationId).stream()
                .flatMap(pi -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                        .executable().list().stream())
                .toList();
    }

    /** The running instances with the application id as business key (the parent and the review it calls). */
    public static List<ProcessInstance> instances(ProcessEngine engine, String applicationId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(applicationId).list();
    }

    /** The running instance of process {@code processKey} working on the application (its business key), or null. */
    public static ProcessInstance instance(ProcessEngine engine, String processKey, String applicationId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(applicationId).singleResult();
    }

    /** The instance of process {@code processKey} for the application as the history holds it, ended or not. */
    public static HistoricProcessInstance historic(ProcessEngine engine, String processKey, String applicationId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(applicationId).singleResult();
    }
}
