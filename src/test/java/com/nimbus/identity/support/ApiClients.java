package com.nimbus.identity.support;

import com.nimbus.identity.vocabulary.UserGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** API clients besides the seeded {@code console}: engine users of the group {@code api-clients}. */
public final class ApiClients {

    private ApiClients() {
    }

    /** Makes {@code id} (password = id) a user of {@code api-clients}, unless it is one already. */
    public static void ensure(IdentityService identity, String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(id);
            user.setFirstName(id);
            user.setLastName("Client");
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(UserGroups.API_CLIENTS).count() == 0) {
            identity.createMembership(id, UserGroups.API_CLIENTS);
        }
    }
}
