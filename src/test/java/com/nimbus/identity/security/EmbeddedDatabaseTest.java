package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Users are seeded only on the embedded H2 database (or on any with identity.demo-data.any-database), whose servers listen on the loopback address only. */
class EmbeddedDatabaseTest {

    @Test
    void onlyAnH2UrlIsTheEmbeddedDefault() {
        assertThat(EmbeddedDatabase.isH2("jdbc:h2:file:./data/identity;AUTO_SERVER=TRUE")).isTrue();
        assertThat(EmbeddedDatabase.isH2(" JDBC:H2:mem:x")).isTrue();
        assertThat(EmbeddedDatabase.isH2("jdbc:postgresql://db:5432/identity")).isFalse();
        assertThat(EmbeddedDatabase.isH2(null)).isFalse();
        assertThat(EmbeddedDatabase.isEmbeddedDefault(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/identity"))).isFalse();
    }

    @Test
    void usersAreSeededOnPostgreSqlOnlyWhenAskedAndNeverInProduction() {
        MockEnvironment postgres = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/bench");
        MockEnvironment h2 = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");
        assertThat(new DemoDataProperties(true, false, null).seedsUsers(h2)).isTrue();
        assertThat(new DemoDataProperties(true, false, null).seedsUsers(postgres)).isFalse();
        assertThat(new DemoDataProperties(true, true, null).seedsUsers(postgres)).isTrue();
        assertThat(new DemoDataProperties(false, true, null).seedsUsers(postgres)).isFalse();

        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");
        production.setActiveProfiles("production");
        assertThat(new DemoDataProperties(true, true, null).seedsUsers(production)).isFalse();
    }

    @Test
    void h2sServersAreBoundToLoopbackUnlessAnOperatorChoseAnAddress() {
        String before = System.getProperty(EmbeddedDatabaseLoopback.BIND_ADDRESS);
        try {
            System.clearProperty(EmbeddedDatabaseLoopback.BIND_ADDRESS);
            new EmbeddedDatabaseLoopback().postProcessEnvironment(new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:postgresql://db/identity"), null);
            assertThat(System.getProperty(EmbeddedDatabaseLoopback.BIND_ADDRESS)).isNull();

            new EmbeddedDatabaseLoopback().postProcessEnvironment(new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:h2:file:./data/identity;AUTO_SERVER=TRUE"), null);
            assertThat(System.getProperty(EmbeddedDatabaseLoopback.BIND_ADDRESS)).isEqualTo("127.0.0.1");

            System.setProperty(EmbeddedDatabaseLoopback.BIND_ADDRESS, "10.0.0.5");
            new EmbeddedDatabaseLoopback().postProcessEnvironment(new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:h2:file:./data/identity"), null);
            assertThat(System.getProperty(EmbeddedDatabaseLoopback.BIND_ADDRESS)).isEqualTo("10.0.0.5");
        } finally {
            if (before == null) {
                System.clearProperty(EmbeddedDatabaseLoopback.BIND_ADDRESS);
            } else {
                System.setProperty(EmbeddedDatabaseLoopback.BIND_ADDRESS, before);
            }
        }
    }
}
