package com.nimbus.identity.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves the waiting instances of a process to its newest version, the community edition's answer to Cockpit's
 * Enterprise-only migration screen, with the engine's own migration API.
 * <p>
 * For every older version that still has instances, the plan maps each activity to the activity with the same id
 * in the newest version ({@code mapEqualActivities}); timers and message subscriptions are kept as they are, so a
 * lock due in 12 days stays due in 12 days. The dry run ({@link #plan}) shows the instructions, how many instances
 * wait, and the activities where instances wait that the newest version cannot take (no activity with that id, or a
 * mapping the engine refuses). {@link #migrate} runs only a plan where nothing is left unmapped, as one batch per
 * older version (jobs of the job executor, retried, visible in Cockpit's batch view), under the caller's identity,
 * so the engine's authorizations apply ({@code MIGRATE_INSTANCE} on the definitions, {@code CREATE} on batches) and
 * the batch records who started it.
 */
@Service
public class ProcessMigrations {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigrations.class);

    /** One mapping of the plan: activities of the older version to those of the newest. */
    public record Instruction(List<String> sourceActivityIds, List<String> targetActivityIds) {
    }

    /** An activity of an older version where instances wait, and how many. */
    public record Waiting(String activityId, int instances) {
    }

    /** The plan for the instances of one older version. */
    public record FromVersion(String sourceProcessDefinitionId, int sourceVersion, long instances,
                              List<Instruction> instructions, List<Waiting> unmapped, List<String> problems) {
        boolean mappable() {
            return unmapped.isEmpty() && problems.isEmpty();
        }
    }

    /** The dry run: what a migration of {@code processDefinitionKey} to its newest version would do. */
    public record Plan(String processDefinitionKey, String targetProcessDefinitionId, int targetVersion,
                       long instances, boolean executable, List<FromVersion> fromVersions) {
    }

    /** A started migration: one batch per older version. */
    public record Started(String processDefinitionKey, String targetProcessDefinitionId, int targetVersion,
                          long instances, List<BatchStarted> batches) {
    }

    public record BatchStarted(String batchId, int sourceVersion, long instances) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;

    public ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
                             IdentityService identity) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
    }

    /** The dry run: changes nothing. */
    public Plan plan(String processDefinitionKey) {
        ProcessDefinition target = newest(processDefinitionKey);
        List<FromVersion> from = new ArrayList<>();
        for (ProcessDefinition source : olderWithInstances(target)) {
            from.add(plan(source, target).view());
        }
        return new Plan(processDefinitionKey, target.getId(), target.getVersion(),
                from.stream().mapToLong(FromVersion::instances).sum(), from.stream().allMatch(FromVersion::mappable), from);
    }

    /**
     * Migrates every waiting instance of the older versions to the newest, as batches, if nothing is unmapped.
     *
     * @param userId the process owner who asks, under whose rights the engine works
     * @throws MigrationNotMappable when instances wait where the newest version cannot take them: nothing migrated
     */
    public Started migrate(String processDefinitionKey, String userId) {
        ProcessDefinition target = newest(processDefinitionKey);
        List<Mapped> plans = olderWithInstances(target).stream().map(source -> plan(source, target)).toList();
        List<String> unmapped = plans.stream().flatMap(p -> p.view().unmapped().stream()
                .map(w -> "v" + p.source().getVersion() + ":" + w.activityId())).toList();
        List<String> problems = plans.stream().flatMap(p -> p.view().problems().stream()).toList();
        if (!unmapped.isEmpty() || !problems.isEmpty()) {
            throw new MigrationNotMappable(processDefinitionKey, unmapped, problems);
        }
        List<BatchStarted> batches = new ArrayList<>();
        Authentication caller = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
        try {
            for (Mapped mapped : plans) {
                Batch batch = runtime.newMigration(mapped.plan())
                        .processInstanceQuery(runtime.createProcessInstanceQuery()
                                .processDefinitionId(mapped.source().getId()))
                        .executeAsync();
                batches.add(new BatchStarted(batch.getId(), mapped.source().getVersion(), mapped.view().instances()));
                log.info("{} started migrating {} instances of {} v{} to v{} (batch {})", userId,
                        mapped.view().instances(), processDefinitionKey, mapped.source().getVersion(),
                        target.getVersion(), batch.getId());
            }
        } finally {
            if (caller == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(caller);
            }
        }
        return new Started(processDefinitionKey, target.getId(), target.getVersion(),
                batches.stream().mapToLong(BatchStarted::instances).sum(), batches);
    }

    private record Mapped(ProcessDefinition source, MigrationPlan plan, FromVersion view) {
    }

    private ProcessDefinition newest(String processDefinitionKey) {
        ProcessDefinition target = processDefinitionKey == null ? null : repository.createProcessDefinitionQuery()
                .processDefinitionKey(processDefinitionKey).withoutTenantId().latestVersion().singleResult();
        if (target == null) {
            throw new ProcessNotFound(processDefinitionKey);
        }
        return target;
    }

    private List<ProcessDefinition> olderWithInstances(ProcessDefinition target) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(target.getKey()).withoutTenantId().list()
                .stream()
                .filter(d -> !d.getId().equals(target.getId()))
                .filter(d -> runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count() > 0)
                .sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
                .toList();
    }

    private Mapped plan(ProcessDefinition source, ProcessDefinition target) {
        long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        Map<String, Integer> waiting = new TreeMap<>();
        for (ActivityStatistics statistics : management.createActivityStatisticsQuery(source.getId()).list()) {
            waiting.merge(activity(statistics.getId()), statistics.getInstances(), Math::max);
        }
        MigrationPlan plan = null;
        List<String> problems = new ArrayList<>();
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures()
                    .forEach(failure -> problems.add(report.getMigrationInstruction() + ": " + failure)));
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        List<Instruction> instructions = new ArrayList<>();
        Set<String> mapped = new LinkedHashSet<>();
        if (plan != null) {
            for (MigrationInstruction instruction : plan.getInstructions()) {
                instructions.add(new Instruction(List.of(instruction.getSourceActivityId()),
                        List.of(instruction.getTargetActivityId())));
                mapped.add(activity(instruction.getSourceActivityId()));
            }
        }
        List<Waiting> unmapped = waiting.entrySet().stream().filter(e -> !mapped.contains(e.getKey()))
                .map(e -> new Waiting(e.getKey(), e.getValue())).toList();
        return new Mapped(source, plan, new FromVersion(source.getId(), source.getVersion(), instances, instructions,
                unmapped, problems));
    }

    /** The activity a statistics or instruction id names: a multi-instance body counts as its activity. */
    private static String activity(String id) {
        int marker = id.indexOf('#');
        return marker < 0 ? id : id.substring(0, marker);
    }
}
