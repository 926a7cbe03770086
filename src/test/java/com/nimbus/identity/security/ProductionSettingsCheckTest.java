package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.support.Settings;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The production profile refuses to start with the development key, a weak admin password or missing secrets. */
class ProductionSettingsCheckTest {

    private static final String STRONG_KEY = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
            31, 32});

    private static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        return environment.withProperty("ADMIN_USER", "admin")
                .withProperty("ADMIN_PASSWORD", "correct horse battery staple")
                .withProperty("IDENTITY_ENCRYPTION_KEY", STRONG_KEY)
                .withProperty("PUBLIC_BASE_URL", "https://identity.example.com");
    }

    private static void check(MockEnvironment environment) {
        new ProductionSettingsCheck().postProcessEnvironment(environment, null);
    }

    @Test
    void strongSecretsFromTheEnvironmentStart() {
        assertThatCode(() -> check(production())).doesNotThrowAnyException();
    }

    @Test
    void theDevelopmentKeyIsRefused() {
        assertThatThrownBy(() -> check(production().withProperty("IDENTITY_ENCRYPTION_KEY", CryptoProperties.DEVELOPMENT_KEY)))
                .hasMessageContaining("IDENTITY_ENCRYPTION_KEY is the development key");
    }

    @Test
    void theDevelopmentKeyIsTheOneOfTheEmbeddedDefault() {
        assertThat(Settings.bound(CryptoProperties.class).key()).isEqualTo(CryptoProperties.DEVELOPMENT_KEY);
    }

    @Test
    void aShortAdminPasswordOrOneEqualToTheUserIsRefused() {
        assertThatThrownBy(() -> check(production().withProperty("ADMIN_PASSWORD", "elevenchars")))
                .hasMessageContaining("ADMIN_PASSWORD must have at least 12 characters");
        assertThatThrownBy(() -> check(production().withProperty("ADMIN_USER", "administrator1")
                .withProperty("ADMIN_PASSWORD", "Administrator1"))).hasMessageContaining("differ from the user name");
        assertThatThrownBy(() -> check(production().withProperty("ADMIN_PASSWORD", " ")))
                .hasMessageContaining("ADMIN_PASSWORD");
    }

    @Test
    void missingSecretsAreRefusedAndOtherProfilesAreLeftAlone() {
        assertThatThrownBy(() -> check(production().withProperty("IDENTITY_ENCRYPTION_KEY", "")))
                .hasMessageContaining("IDENTITY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> check(production().withProperty("PUBLIC_BASE_URL", "")))
                .hasMessageContaining("PUBLIC_BASE_URL");
        MockEnvironment development = new MockEnvironment().withProperty("ADMIN_PASSWORD", "demo");
        assertThatCode(() -> check(development)).doesNotThrowAnyException();
    }

    @Test
    void seedingOnAnyDatabaseIsRefused() {
        assertThatThrownBy(() -> check(production().withProperty(DemoDataProperties.ANY_DATABASE, "true")))
                .hasMessageContaining("identity.demo-data.any-database");
        assertThatCode(() -> check(production().withProperty(DemoDataProperties.ANY_DATABASE, "false")))
                .doesNotThrowAnyException();
    }
}
