package com.nimbus.identity.security;

import org.springframework.core.env.Environment;

/** Whether the application runs on its embedded default, the H2 database of a developer's machine. */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static boolean isEmbeddedDefault(Environment environment) {
        return isH2(environment.getProperty("spring.datasource.url"));
    }

    static boolean isH2(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.strip().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:h2:");
    }
}
