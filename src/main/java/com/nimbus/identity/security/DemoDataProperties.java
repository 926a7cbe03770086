package com.nimbus.identity.security;

import java.util.Arrays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

/**
 * {@code identity.demo-data.*}.
 *
 * @param enabled      seeds the users of the embedded default (alice, bob, carol, owen, console, cora), on the embedded
 *                     H2 database only unless {@code anyDatabase}; the production profile turns it off
 * @param anyDatabase  seeds them on any database too, e.g. a PostgreSQL database a benchmark or a test bench creates
 *                     and drops ({@code IDENTITY_DEMO_DATA_ANY_DATABASE=true}); off by default, and the production
 *                     profile refuses to start with it ({@link ProductionSettingsCheck})
 * @param applications seeds, once, a handful of applications waiting for review with drawn document images, so that a
 *                     reviewer sees work at her first login; only while {@code enabled}. Unset: on the embedded H2
 *                     database only; {@code true} on any database (a shared test system on PostgreSQL), {@code false}
 *                     never. The production profile turns it off
 */
@ConfigurationProperties("identity.demo-data")
public record DemoDataProperties(boolean enabled, boolean anyDatabase, Boolean applications) {

    static final String ANY_DATABASE = "identity.demo-data.any-database";

    /** Whether the seeded users are created on this start: never in the production profile. */
    boolean seedsUsers(Environment environment) {
        if (!enabled || Arrays.asList(environment.getActiveProfiles()).contains("production")) {
            return false;
        }
        return anyDatabase || EmbeddedDatabase.isEmbeddedDefault(environment);
    }

    /** Whether to seed the demo applications on a database that is (or is not) the embedded default. */
    public boolean seedApplications(boolean embeddedDefault) {
        return enabled && (applications == null ? embeddedDefault : applications);
    }
}
