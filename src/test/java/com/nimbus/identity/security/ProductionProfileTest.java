package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;

/**
 * What the production profile sets for a node behind a TLS proxy: forwarded headers trusted from the proxy, secure
 * cookies (the servlet session and the webapps' own), HSTS on the webapps' pages, no seeded users.
 */
class ProductionProfileTest {

    private static Environment production() {
        Environment[] environment = new Environment[1];
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.profiles.active=production", "PUBLIC_BASE_URL=https://identity.example.com")
                .run(context -> environment[0] = context.getEnvironment());
        return environment[0];
    }

    @Test
    void cookiesAreSecureAndForwardedHeadersAreReadBehindTheProxy() {
        Environment production = production();
        assertThat(production.getProperty("server.forward-headers-strategy")).isEqualTo("native");
        assertThat(production.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(production.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
        assertThat(production.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo("true");
        assertThat(production.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");
        assertThat(production.getProperty("camunda.bpm.webapp.header-security.hsts-disabled")).isEqualTo("false");
        assertThat(production.getProperty("identity.demo-data.enabled")).isEqualTo("false");
        assertThat(production.getProperty("identity.demo-data.applications")).isEqualTo("false");
    }

    @Test
    void theEmbeddedDefaultKeepsPlainHttpForADeveloper() {
        Environment[] environment = new Environment[1];
        new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
                .run(context -> environment[0] = context.getEnvironment());
        assertThat(environment[0].getProperty("server.servlet.session.cookie.secure")).isNull();
        assertThat(environment[0].getProperty("server.forward-headers-strategy")).isNull();
    }
}
