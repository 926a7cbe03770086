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

    /** The asynchronous steps of the instances the findings start ("Registry finding reported"). */
    static final List<String> FINDING_STEPS = List.of("Activity_DecideRevocationPolicy", "Activity_NotifyRevocation",
            "Activity_NotifyDataMismatch", "Activity_RecheckAccount");

    private RecheckJobs() {
    }

    /**
     * Executes the instance's due jobs, and those of the findings it reported, until none is left;
     * returns the failures met on the way.
     */
    static List<RuntimeException> runDueJobs(ProcessEngine engine, String processInstanceId) {
        ManagementService management = engine.getManagementService();
        List<RuntimeException> failures = new ArrayList<>();
        for (int executed = 0; executed < 20_000; executed++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable()
                    .orderByJobId().asc().listPage(0, 1);
            for (int step = 0; step < FINDING_STEPS.size() && due.isEmpty(); step++) {
                due = management.createJobQuery().processDefinitionKey(Recheck.PROCESS_KEY)
                        .activityId(FINDING_STEPS.get(step)).executable().orderByJobId().asc().listPage(0, 1);
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
