package com.nimbus.identity.security;

import com.nimbus.identity.vocabulary.UserGroups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The users of the embedded default (SPEC), each with its name as password: alice and bob review, carol supervises,
 * owen owns the models, console is the console's backend. {@link IdentitySetup} creates them only on the embedded H2
 * database; the production profile refuses to start while any of them still has its seeded password
 * ({@link SeededCredentialsCheck}).
 */
@Component
public class DemoUsers {

    /** The seeded users, besides the administrator {@code demo} of {@code camunda.bpm.admin-user}. */
    public static final List<String> IDS = List.of("alice", "bob", "carol", "owen", "console", "cora");

    /** Every user whose seeded password ({@code id/id}) is refused in production. */
    static final List<String> WITH_KNOWN_PASSWORDS = List.of("demo", "alice", "bob", "carol", "owen", "console", "cora");

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    /** Creates the seeded users and their memberships where missing (the groups must exist). */
    public void seed() {
        user("alice", "Alice", "Reviewer", UserGroups.REVIEWERS);
        user("bob", "Bob", "Reviewer", UserGroups.REVIEWERS);
        user("carol", "Carol", "Supervisor", UserGroups.SUPERVISORS);
        user("owen", "Owen", "Process Owner", UserGroups.PROCESS_OWNERS);
        user("console", "Console", "Backend", UserGroups.API_CLIENTS);
        user("cora", "Cora", "Compliance Officer", UserGroups.COMPLIANCE_OFFICERS);
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
}
