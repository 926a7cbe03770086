package com.nimbus.identity.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code identity.notifications.*} and {@code identity.sms.*}, bound and checked as at start. */
class NotificationPropertiesTest {

    @Test
    void theEmbeddedDefaultKeepsSmsInTheOutboxAndSendsFromNoReply() {
        SmsProperties sms = Settings.bound(SmsProperties.class);
        assertThat(sms.providerConfigured()).isFalse();
        assertThat(sms.path()).isEqualTo("/messages");
        assertThat(sms.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(sms.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        NotificationProperties notifications = Settings.bound(NotificationProperties.class);
        assertThat(notifications.mailFrom()).isEqualTo("Nimbus Cloud <no-reply@localhost>");
        assertThat(notifications.supervisorLanguage()).isEqualTo("en");
    }

    @Test
    void anSmsProviderThatIsNoUrlOrWithoutTimeoutStopsTheStart() {
        assertThat(Settings.refusal("identity.sms.base-url=sms.example.com")).contains("identity.sms").contains("baseUrl");
        assertThat(Settings.refusal("identity.sms.read-timeout=0s")).contains("readTimeout");
        assertThat(Settings.refusal("identity.sms.path=messages")).contains("must start with /");
    }

    @Test
    void anUnknownSupervisorLanguageOrNoSenderStopsTheStart() {
        assertThat(Settings.refusal("identity.notifications.supervisor-language=fr")).contains("must be en or zh-CN");
        assertThat(Settings.refusal("identity.notifications.mail-from=")).contains("mailFrom");
    }
}
