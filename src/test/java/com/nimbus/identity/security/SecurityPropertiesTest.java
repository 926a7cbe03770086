package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The encryption key and the demo data switch, checked at start. */
class SecurityPropertiesTest {

    @Test
    void theEmbeddedDefaultHasADevelopmentKeyAndSeedsTheDemoUsers() {
        assertThat(Settings.bound(CryptoProperties.class).keyBytes()).hasSize(32);
        assertThat(Settings.bound(DemoDataProperties.class).enabled()).isTrue();
        assertThat(Settings.bound(DemoDataProperties.class, "identity.demo-data.enabled=false").enabled()).isFalse();
        assertThat(Settings.bound(DemoDataProperties.class).anyDatabase()).isFalse();
        assertThat(Settings.bound(DemoDataProperties.class, "IDENTITY_DEMO_DATA_ANY_DATABASE=true").anyDatabase()).isTrue();
    }

    @Test
    void demoApplicationsAreSeededOnTheEmbeddedDefaultOnlyUnlessAskedFor() {
        DemoDataProperties byDefault = Settings.bound(DemoDataProperties.class);
        assertThat(byDefault.seedApplications(true)).as("embedded H2").isTrue();
        assertThat(byDefault.seedApplications(false)).as("PostgreSQL").isFalse();
        DemoDataProperties asked = Settings.bound(DemoDataProperties.class, "identity.demo-data.applications=true");
        assertThat(asked.seedApplications(false)).isTrue();
        assertThat(Settings.bound(DemoDataProperties.class, "identity.demo-data.applications=false").seedApplications(true))
                .isFalse();
        assertThat(Settings.bound(DemoDataProperties.class, "identity.demo-data.enabled=false",
                "identity.demo-data.applications=true").seedApplications(true)).as("no demo data at all").isFalse();
    }

    @Test
    void aMissingKeyStopsTheStart() {
        assertThat(Settings.refusal("identity.crypto.key=")).contains("identity.crypto").contains("IDENTITY_ENCRYPTION_KEY");
    }

    @Test
    void aKeyOfAnotherLengthOrNotBase64StopsTheStart() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        assertThat(Settings.refusal("identity.crypto.key=" + sixteenBytes)).contains("must be base64 of exactly 32 bytes");
        assertThat(Settings.refusal("identity.crypto.key=not*base64")).contains("must be base64 of exactly 32 bytes");
    }
}
