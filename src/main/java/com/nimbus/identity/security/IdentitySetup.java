package com.nimbus.identity.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.nimbus.identity.vocabulary.UserGroups;
import com.nimbus.identity.vocabulary.Workflow;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The groups of SPEC, their rights and the shared Tasklist filters, created on every start where missing
 * (all profiles). The seeded users of the embedded default are created only with
 * {@code identity.demo-data.enabled=true}, which the production profile turns off.
 */
@Component
class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final boolean seedUsers;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                  TaskService tasks, DemoDataProperties demoData) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.seedUsers = demoData.enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        group(UserGroups.REVIEWERS, "Identity reviewers");
        group(UserGroups.SUPERVISORS, "Identity supervisors");
        group(UserGroups.PROCESS_OWNERS, "Process owners");
        group(UserGroups.API_CLIENTS, "API clients");

        for (String reviewing : new String[] {UserGroups.REVIEWERS, UserGroups.SUPERVISORS}) {
            grant(reviewing, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(reviewing, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        String owners = UserGroups.PROCESS_OWNERS;
        grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(owners, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        for (Resource resource : new Resource[] {Resources.DEPLOYMENT, Resources.PROCESS_DEFINITION,
                Resources.PROCESS_INSTANCE, Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION,
                Resources.BATCH, Resources.HISTORIC_PROCESS_INSTANCE, Resources.HISTORIC_TASK}) {
            grant(owners, resource, ANY, Permissions.ALL);
        }
        grant(owners, Resources.TASK, ANY, Permissions.READ);

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
            user("alice", "Alice", "Reviewer", UserGroups.REVIEWERS);
            user("bob", "Bob", "Reviewer", UserGroups.REVIEWERS);
            user("carol", "Carol", "Supervisor", UserGroups.SUPERVISORS);
            user("owen", "Owen", "Process Owner", UserGroups.PROCESS_OWNERS);
            user("console", "Console", "Backend", UserGroups.API_CLIENTS);
            log.info("Seeded the users of the embedded default: alice, bob, carol, owen, console (and demo)");
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

    private void user(String id, String firstName, String lastName, String groupId) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(id);
            user.setEmail(id + "@example.com");
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permissions permission) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizations.saveAuthorization(auth);
        }
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
