package com.nimbus.identity.recheck;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the jobs of one {@code enterprise-recheck} instance, as the job executor would, in tests where it is off.
 * A job that fails is left with its retries decreased and its next attempt due later, as the engine leaves it.
 * Like the job executor of a node, a caller first locks a job (its lock owner, set only while none is set) and runs
 * only the jobs it locked, so that callers on two threads, as two nodes, never run the same job at the same moment.
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
        JdbcTemplate jdbc = new JdbcTemplate(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
        String owner = "test-" + UUID.randomUUID();
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
            if (!lock(jdbc, due.get(0).getId(), owner)) {
                Thread.onSpinWait(); // another caller runs it
                continue;
            }
            try {
                management.executeJob(due.get(0).getId());
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        throw new IllegalStateException("the jobs of " + processInstanceId + " keep coming");
    }

    /** Whether this caller now holds the job's lock, as the job executor takes it: only where no owner is set. */
    private static boolean lock(JdbcTemplate jdbc, String jobId, String owner) {
        return jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ? and LOCK_OWNER_ is null",
                owner, Timestamp.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5))), jobId) == 1;
    }

    static boolean ended(ProcessEngine engine, String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
    }
}
