package com.nimbus.identity.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code identity.sms.*}, bound and checked as at start. */
class SmsPropertiesTest {

    @Test
    void theEmbeddedDefaultKeepsSmsInTheOutbox() {
        SmsProperties sms = Settings.bound(SmsProperties.class);
        assertThat(sms.providerConfigured()).isFalse();
        assertThat(sms.path()).isEqualTo("/messages");
        assertThat(sms.apiKeyHeader()).isEqualTo("X-Api-Key");
        assertThat(sms.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(sms.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aProviderThatIsNoUrlOrWithoutTimeoutStopsTheStart() {
        assertThat(Settings.refusal("identity.sms.base-url=sms.example.com")).contains("identity.sms").contains("baseUrl");
        assertThat(Settings.refusal("identity.sms.read-timeout=0s")).contains("readTimeout");
        assertThat(Settings.refusal("identity.sms.path=messages")).contains("must start with /");
    }
}
