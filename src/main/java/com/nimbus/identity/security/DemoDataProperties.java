package com.nimbus.identity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code identity.demo-data.*}.
 *
 * @param enabled      seeds the users of the embedded default (alice, bob, carol, owen, console), on the embedded H2
 *                     database only: on any other database nothing is seeded whatever this says; the production
 *                     profile turns it off
 * @param applications seeds, once, a handful of applications waiting for review with drawn document images, so that a
 *                     reviewer sees work at her first login; only while {@code enabled}. Unset: on the embedded H2
 *                     database only; {@code true} on any database (a shared test system on PostgreSQL), {@code false}
 *                     never. The production profile turns it off
 */
@ConfigurationProperties("identity.demo-data")
public record DemoDataProperties(boolean enabled, Boolean applications) {

    /** Whether to seed the demo applications on a database that is (or is not) the embedded default. */
    public boolean seedApplications(boolean embeddedDefault) {
        return enabled && (applications == null ? embeddedDefault : applications);
    }
}
