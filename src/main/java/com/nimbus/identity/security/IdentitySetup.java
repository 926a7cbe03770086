package com.nimbus.identity.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.nimbus.identity.vocabulary.UserGroups;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The groups of SPEC, their rights and the shared Tasklist filters, created on every start where missing, and the
 * rights set to exactly these where they differ (all profiles), so that a database of an earlier version loses what
 * this one no longer grants. The seeded users of the embedded default ({@link DemoUsers}) are created only with
 * {@code identity.demo-data.enabled=true} and on the embedded H2 database, or on any database with
 * {@code identity.demo-data.any-database=true} (a benchmark's database); never in the production profile.
 *
 * <p>Process owners deploy and watch: they create and read deployments, read definitions, instances, their variables
 * and history, retry failed jobs, suspend and migrate instances; they may not delete deployments, instances or
 * history, change history's time to live, start instances or set variables.
 */
@Component
@Order(0)
class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final DemoUsers demoUsers;
    private final boolean seedUsers;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                  TaskService tasks, DemoUsers demoUsers, DemoDataProperties demoData, Environment environment,
                  PlatformTransactionManager transactions,
                  JdbcTemplate jdbc) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.demoUsers = demoUsers;
        this.seedUsers = demoData.seedsUsers(environment);
    }

    /**
     * In one transaction that first locks the row of {@code startup_lock}: nodes started at the same moment on an empty
     * database take turns, and the later one finds the groups, rights and filters the first made (the engine's commands
     * join this transaction).
     */
    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select id from startup_lock where id = 1 for update", Integer.class);
            setUp();
        });
    }

    private void setUp() {
        group(UserGroups.REVIEWERS, "Identity reviewers");
        group(UserGroups.SUPERVISORS, "Identity supervisors");
        group(UserGroups.PROCESS_OWNERS, "Process owners");
        group(UserGroups.API_CLIENTS, "API clients");
        group(UserGroups.COMPLIANCE_OFFICERS, "Compliance officers");

        for (String reviewing : new String[] {UserGroups.REVIEWERS, UserGroups.SUPERVISORS}) {
            grant(reviewing, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(reviewing, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        }
        String owners = UserGroups.PROCESS_OWNERS;
        grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(owners, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(owners, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        grant(owners, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB,
                ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        grant(owners, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
                ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.SUSPEND);
        grant(owners, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(owners, Resources.BATCH, ANY, BatchPermissions.READ, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES);
        grant(owners, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grant(owners, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE);
        grant(owners, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_VARIABLE);

        Filter queue = filter("Review queue", "Applications waiting for a reviewer of your groups, oldest due first",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc(), -10);
        Filter mine = filter("My reviews", "Reviews you have claimed",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), -5);
        Filter overdue = filter("Overdue reviews", "Reviews past their due date (R5)",
                tasks.createTaskQuery().taskDefinitionKey(Workflow.USER_TASK_REVIEW).dueBeforeExpression("${now()}")
                        .orderByDueDate().asc(), 0);
        for (Filter f : new Filter[] {queue, mine}) {
            grant(UserGroups.REVIEWERS, Resources.FILTER, f.getId(), Permissions.READ);
            grant(UserGroups.SUPERVISORS, Resources.FILTER, f.getId(), Permissions.READ);
        }
        grant(UserGroups.SUPERVISORS, Resources.FILTER, overdue.getId(), Permissions.READ);
        grant(UserGroups.REVIEWERS, Resources.FILTER, overdue.getId(), Permissions.READ);

        if (seedUsers) {
            demoUsers.seed();
            log.info("Seeded the users of the embedded default: {} (and demo)", String.join(", ", DemoUsers.IDS));
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    /** Grants exactly {@code permissions}: creates the grant, or sets an existing one to these permissions. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        int wanted = 0;
        for (Permission permission : permissions) {
            wanted |= permission.getValue();
        }
        AuthorizationEntity auth = (AuthorizationEntity) authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
        if (auth == null) {
            auth = (AuthorizationEntity) authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        } else if (auth.getPermissions() == wanted) {
            return;
        }
        auth.setPermissions(wanted);
        authorizations.saveAuthorization(auth);
    }

    private Filter filter(String name, String description, TaskQuery query, int priority) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                        "variables", java.util.List.of(
                                Map.of("name", "identityType", "label", "Identity type"),
                                Map.of("name", "kind", "label", "Kind"))));
        return filters.saveFilter(filter);
    }
}
