package com.nimbus.identity.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With the {@code production} profile, refuses to start, before anything touches the database, unless the
 * secrets come from the environment: the admin password and the encryption key.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("production")) {
            return;
        }
        require(environment, "ADMIN_PASSWORD", "the password of the first administrator");
        require(environment, "IDENTITY_ENCRYPTION_KEY", "the base64 AES-256 key for identity data at rest");
        require(environment, "PUBLIC_BASE_URL", "the address reviewers' browsers reach this application at");
    }

    private static void require(ConfigurableEnvironment environment, String name, String what) {
        String value = environment.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The production profile needs " + name + " (" + what
                    + ") in the environment; refusing to start.");
        }
    }
}
