package com.nimbus.identity.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's schema, created and upgraded at start by the engine jar's own Liquibase changelog. On PostgreSQL the
 * whole run holds a session advisory lock, so that nodes started together on an empty database take turns (Liquibase
 * creates its history table before it takes its own lock, so two first runs would both create it) and a node killed
 * meanwhile lets go of it with its connection; a Liquibase lock still marked held under that advisory lock was left by
 * such a node and is released. A start on a schema whose changelog ran up to this engine's tag runs nothing (Liquibase
 * is not even started). A schema made the earlier way (the engine's create or upgrade
 * scripts, no Liquibase changelog table) is adopted first: its version is read from {@code ACT_GE_SCHEMA_LOG} and the
 * changelog is marked as run up to that version's tag, so that only the later upgrade scripts run.
 */
class EngineSchema extends SpringLiquibase {

    static final String CHANGELOG = "classpath:org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml";
    /** The first engine release whose changelog has a baseline; an older schema is upgraded by hand to it first. */
    static final List<Integer> FIRST_TAGGED = List.of(7, 16);

    private static final Logger log = LoggerFactory.getLogger(EngineSchema.class);
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** The advisory lock nodes take in turn around the run (PostgreSQL); any constant other locks do not use. */
    static final long ADVISORY_LOCK = 0x1D3E7C0DE5C4E3AL;

    EngineSchema() {
        setChangeLog(CHANGELOG);
    }

    @Override
    public void afterPropertiesSet() throws LiquibaseException {
        try (Connection connection = getDataSource().getConnection()) {
            String current = tag(majorMinor(ProductPropertiesUtil.getProductVersion()).orElseThrow(
                    () -> new IllegalStateException("The engine jar names no version")));
            if (tagRecorded(connection, current)) {
                // a restart: the changelog ran up to this engine's tag, and every later change set comes with a later
                // engine; Liquibase would spend a second reading the changelog to find nothing to run
                log.info("Engine schema is at {}: the changelog has nothing to run", current);
                return;
            }
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            if (!postgres) {
                super.afterPropertiesSet();
                return;
            }
            connection.setAutoCommit(true);
            advisory(connection, "select pg_advisory_lock(?)");
            try {
                releaseLockOfAStoppedNode(connection);
                super.afterPropertiesSet();
            } finally {
                advisory(connection, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take turns with other nodes over the engine's schema", e);
        }
    }

    private static void advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, ADVISORY_LOCK);
            statement.executeQuery().close();
        }
    }

    /** Under the advisory lock no other node runs the changelog: a held Liquibase lock is one a killed node left. */
    private static void releaseLockOfAStoppedNode(Connection connection) throws SQLException {
        if (!tableExists(connection, "DATABASECHANGELOGLOCK")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            int released = statement.executeUpdate("update DATABASECHANGELOGLOCK set LOCKED = false, LOCKGRANTED = null, "
                    + "LOCKEDBY = null where LOCKED = true");
            if (released > 0) {
                log.warn("Released the Liquibase lock on the engine's schema that a node stopped while holding");
            }
        }
    }

    @Override
    protected void performUpdate(Liquibase liquibase) throws LiquibaseException {
        Optional<String> adopt;
        try {
            adopt = schemaMadeWithoutChangelog();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the engine's schema version", e);
        }
        if (adopt.isPresent()) {
            log.info("Engine schema {} was made without Liquibase: marking the engine's changelog as run up to tag {}",
                    adopt.get(), adopt.get());
            liquibase.changeLogSync(adopt.get(), new Contexts(getContexts()), new LabelExpression(getLabelFilter()));
        }
        super.performUpdate(liquibase);
    }

    /** The tag (e.g. {@code 7.22.0}) of an engine schema that exists but was not made by the changelog, if so. */
    Optional<String> schemaMadeWithoutChangelog() throws SQLException {
        try (Connection connection = getDataSource().getConnection()) {
            if (!tableExists(connection, "ACT_GE_PROPERTY")) {
                return Optional.empty();
            }
            if (tableExists(connection, "DATABASECHANGELOG") && baselineRecorded(connection)) {
                return Optional.empty();
            }
            List<String> versions = new java.util.ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
                while (r.next()) {
                    versions.add(r.getString(1));
                }
            }
            int[] newest = versions.stream().map(EngineSchema::majorMinor).flatMap(Optional::stream)
                    .max(Comparator.<int[]>comparingInt(v -> v[0]).thenComparingInt(v -> v[1]))
                    .orElseThrow(() -> new IllegalStateException(
                            "The engine's tables exist but ACT_GE_SCHEMA_LOG names no version: " + versions));
            return Optional.of(tag(newest));
        }
    }

    static String tag(int[] version) {
        if (version[0] < FIRST_TAGGED.get(0) || version[0] == FIRST_TAGGED.get(0) && version[1] < FIRST_TAGGED.get(1)) {
            throw new IllegalStateException("The engine's schema is " + version[0] + "." + version[1]
                    + ": upgrade it to 7.16 with the engine's upgrade scripts first; from 7.16 on the application upgrades it");
        }
        return version[0] + "." + version[1] + ".0";
    }

    static Optional<int[]> majorMinor(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(version.trim());
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
                : Optional.empty();
    }

    private static boolean tagRecorded(Connection connection, String tag) throws SQLException {
        if (!tableExists(connection, "DATABASECHANGELOG")) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from DATABASECHANGELOG where TAG = ?")) {
            statement.setString(1, tag);
            try (ResultSet r = statement.executeQuery()) {
                return r.next() && r.getInt(1) > 0;
            }
        }
    }

    private boolean baselineRecorded(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select count(*) from DATABASECHANGELOG where ID = '7.16.0-baseline'")) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    private static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : Arrays.asList(name, name.toLowerCase())) {
            try (ResultSet r = meta.getTables(connection.getCatalog(), null, candidate, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
