package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The check the production profile runs at start: it finds every user of the embedded default that still has its
 * seeded password, by comparing hashes (it logs nobody in), and refuses to start while there is one.
 */
@IntegrationTest
class SeededCredentialsIT {

    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;

    @Test
    void usersWithTheirSeededPasswordsAreFoundAndRefused() {
        SeededCredentialsCheck check = new SeededCredentialsCheck(engine);
        assertThat(check.withSeededPasswords()).containsExactlyInAnyOrder("demo", "alice", "bob", "carol", "owen",
                "console", "cora");
        assertThatThrownBy(check::afterPropertiesSet).hasMessageContaining("refuses to start")
                .hasMessageContaining("alice");

        User carol = identity.createUserQuery().userId("carol").singleResult();
        carol.setPassword("a password nobody published");
        identity.saveUser(carol);
        try {
            assertThat(check.withSeededPasswords()).doesNotContain("carol").contains("alice");
        } finally {
            carol.setPassword("carol");
            identity.saveUser(carol);
        }
    }
}
