package com.nimbus.identity.document.page;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The photos of an earlier version move to the document store on PostgreSQL, in a database of this test's own (the
 * table is locked while they move, and dropped in the same transaction).
 */
class EarlierVersionPhotosIT {

    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_PG_PORT", "5432");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "");

    @TempDir Path directory;

    @Test
    void everyPhotoOfAnEarlierVersionBecomesPageOneInTheDocumentStore() throws Exception {
        String database = "identity_test_earlier_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("create database " + database);
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
            new EarlierVersionPhotos(dataSource, directory).earlierVersionWith(25).migrated()
                    .assertEveryPhotoIsAPageInTheStore();
        } finally {
            admin("drop database if exists " + database + " with (force)");
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
