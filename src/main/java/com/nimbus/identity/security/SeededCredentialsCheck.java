package com.nimbus.identity.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the {@code production} profile, refuses to start while a user of the embedded default still has its seeded
 * password ({@code alice/alice}, {@code demo/demo}, ...), e.g. in a database that was once run with the embedded
 * settings: those passwords are published in the README. The check compares password hashes; it does not log in, so
 * it feeds no brute-force guard.
 */
@Component
@Profile("production")
class SeededCredentialsCheck implements InitializingBean {

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl configuration;

    SeededCredentialsCheck(ProcessEngine engine) {
        this.identity = engine.getIdentityService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Override
    public void afterPropertiesSet() {
        List<String> seeded = withSeededPasswords();
        if (!seeded.isEmpty()) {
            throw new IllegalStateException("The production profile refuses to start: the user(s) " + seeded
                    + " still have the seeded password of the embedded default. Change their passwords or delete them"
                    + " (Camunda Admin) first.");
        }
    }

    /** The users of the embedded default that exist here with their seeded password. */
    List<String> withSeededPasswords() {
        return DemoUsers.WITH_KNOWN_PASSWORDS.stream().filter(this::hasSeededPassword).toList();
    }

    private boolean hasSeededPassword(String id) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
            return false;
        }
        return configuration.getPasswordManager().check(EncryptionUtil.saltPassword(id, entity.getSalt()),
                entity.getPassword());
    }
}
