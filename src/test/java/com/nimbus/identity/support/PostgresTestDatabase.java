package com.nimbus.identity.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A PostgreSQL database of its own for each test JVM: created on first use on the server at
 * {@code TEST_PG_HOST}:{@code TEST_PG_PORT} (default 127.0.0.1:5432, user {@code TEST_PG_USER}, default
 * postgres) and dropped when the last test context using it has closed (after its engine and connection
 * pool), so that no run depends on what an earlier run left behind.
 */
public final class PostgresTestDatabase {

    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_PG_PORT", "5432");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "");
    private static String name;
    private static int openContexts;

    private PostgresTestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (name == null) {
            name = "identity_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + name);
        }
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    /** A new empty database of its own, for a test that drops it ({@link #drop}); its JDBC URL. */
    public static String createEmpty() {
        String own = "identity_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + own);
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + own;
    }

    /** Drops a database made by {@link #createEmpty}. */
    public static void drop(String jdbcUrl) {
        execute("drop database if exists " + jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1) + " with (force)");
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed for the tests: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static synchronized void opened() {
        openContexts++;
    }

    private static synchronized void closed() {
        openContexts--;
        if (openContexts == 0 && name != null) {
            execute("drop database if exists " + name + " with (force)");
            name = null;
        }
    }

    /**
     * Points the Spring context of a test at a database of its own, created for it and dropped when it closes: for a
     * context that must not meet what the shared database holds (the production profile refuses to start beside the
     * seeded users the other tests create).
     */
    public static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String own = "identity_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + own);
            ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("postgresOwnDatabase",
                    () -> execute("drop database if exists " + own + " with (force)"));
            TestPropertyValues.of(
                    "spring.datasource.url=jdbc:postgresql://" + HOST + ":" + PORT + "/" + own,
                    "spring.datasource.username=" + user(),
                    "spring.datasource.password=" + password()).applyTo(context.getEnvironment());
        }
    }

    /**
     * Points the Spring context of a test at the database of this JVM. Registered before any bean of the
     * context, its disposer runs after all of them, once the engine and the connection pool are closed.
     */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            opened();
            ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                    .registerDisposableBean("postgresTestDatabase", PostgresTestDatabase::closed);
            TestPropertyValues.of(
                    "spring.datasource.url=" + jdbcUrl(),
                    "spring.datasource.username=" + user(),
                    "spring.datasource.password=" + password()).applyTo(context.getEnvironment());
        }
    }
}
