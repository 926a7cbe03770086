package com.nimbus.identity.recheck;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the jobs of one {@code enterprise-recheck} instance, as the job executor would, in tests where it is off.
 * A job that fails is left with its retries decreased and its next attempt due later, as the engine leaves it.
 */
final class RecheckJobs {

    /** The step of the revocation notice instances ("Notify revocation"). */
    static final String NOTICE_STEP = "Activity_NotifyHolder";

    private RecheckJobs() {
    }

    /**
     * Executes the instance's due jobs, and those of the revocation notices it requested, until none is left;
     * returns the failures met on the way.
     */
    static List<RuntimeException> runDueJobs(ProcessEngine engine, String processInstanceId) {
        ManagementService management = engine.getManagementService();
        List<RuntimeException> failures = new ArrayList<>();
        for (int executed = 0; executed < 20_000; executed++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable()
                    .orderByJobId().asc().listPage(0, 1);
            if (due.isEmpty()) {
                due = management.createJobQuery().processDefinitionKey(Recheck.PROCESS_KEY).activityId(NOTICE_STEP)
                        .executable().orderByJobId().asc().listPage(0, 1);
            }
            if (due.isEmpty()) {
                return failures;
            }
            try {
                management.executeJob(due.get(0).getId());
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        throw new IllegalStateException("the jobs of " + processInstanceId + " keep coming");
    }

    static boolean ended(ProcessEngine engine, String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
    }
}
