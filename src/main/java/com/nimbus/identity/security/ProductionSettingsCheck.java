package com.nimbus.identity.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With the {@code production} profile, refuses to start, before anything touches the database, unless the secrets
 * come from the environment and are not the development ones: the admin password (at least
 * {@value #MIN_ADMIN_PASSWORD} characters, not the user name), the encryption key (not the development key of
 * {@code application.yaml}) and the public base URL, and with {@code identity.demo-data.any-database} on. Seeded users are refused once the engine runs
 * ({@link SeededCredentialsCheck}).
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

    static final int MIN_ADMIN_PASSWORD = 12;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("production")) {
            return;
        }
        String password = require(environment, "ADMIN_PASSWORD", "the password of the first administrator");
        String key = require(environment, "IDENTITY_ENCRYPTION_KEY", "the base64 AES-256 key for identity data at rest");
        require(environment, "PUBLIC_BASE_URL", "the address reviewers' browsers reach this application at");
        String adminUser = environment.getProperty("ADMIN_USER", "admin");
        if (password.length() < MIN_ADMIN_PASSWORD || password.equalsIgnoreCase(adminUser.strip())) {
            refuse("ADMIN_PASSWORD must have at least " + MIN_ADMIN_PASSWORD
                    + " characters and differ from the user name (ADMIN_USER)");
        }
        if (Boolean.parseBoolean(environment.getProperty(DemoDataProperties.ANY_DATABASE, "false").strip())) {
            refuse("identity.demo-data.any-database (IDENTITY_DEMO_DATA_ANY_DATABASE) seeds users with published "
                    + "passwords; it is for benchmarks and test benches only");
        }
        if (key.strip().equals(CryptoProperties.DEVELOPMENT_KEY)) {
            refuse("IDENTITY_ENCRYPTION_KEY is the development key of application.yaml, which is public: generate one "
                    + "with head -c 32 /dev/urandom | base64");
        }
    }

    private static String require(ConfigurableEnvironment environment, String name, String what) {
        String value = environment.getProperty(name);
        if (value == null || value.isBlank()) {
            refuse(name + " (" + what + ") is missing from the environment");
        }
        return value;
    }

    private static void refuse(String why) {
        throw new IllegalStateException("The production profile refuses to start: " + why + ".");
    }
}
