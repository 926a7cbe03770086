package com.nimbus.identity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code identity.demo-data.*}.
 *
 * @param enabled seeds the users of the embedded default (alice, bob, carol, owen, console), on the embedded H2 database
 *                only: on any other database nothing is seeded whatever this says; the production profile turns it off
 */
@ConfigurationProperties("identity.demo-data")
public record DemoDataProperties(boolean enabled) {
}
