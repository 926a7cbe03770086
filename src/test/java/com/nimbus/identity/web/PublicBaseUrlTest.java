package com.nimbus.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.nimbus.identity.support.Settings;
import org.junit.jupiter.api.Test;

/** Where browsers reach the application: configured, or this machine at the port the server listens on. */
class PublicBaseUrlTest {

    @Test
    void aConfiguredUrlIsUsedWithoutItsTrailingSlash() {
        PublicBaseUrl url = new PublicBaseUrl(Settings.bound(PublicAddressProperties.class,
                "identity.public-base-url=https://identity.example.com/"));
        assertThat(url.resolve("/review/applications/a-1/document"))
                .isEqualTo("https://identity.example.com/review/applications/a-1/document");
    }

    @Test
    void emptyMeansTheLocalServerOnceItListens() {
        PublicBaseUrl url = new PublicBaseUrl(Settings.bound(PublicAddressProperties.class));
        assertThatIllegalStateException().isThrownBy(url::get);
    }

    @Test
    void aUrlThatIsNotAbsoluteStopsTheStart() {
        assertThat(Settings.refusal("identity.public-base-url=identity.example.com"))
                .contains("publicBaseUrl").contains("must be an absolute http(s) URL");
    }
}
