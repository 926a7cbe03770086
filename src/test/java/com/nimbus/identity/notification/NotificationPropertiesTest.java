package com.nimbus.identity.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import org.junit.jupiter.api.Test;

/** {@code identity.notifications.*}, bound and checked as at start. */
class NotificationPropertiesTest {

    @Test
    void theEmbeddedDefaultSendsFromNoReplyAndWritesToSupervisorsInEnglish() {
        NotificationProperties notifications = Settings.bound(NotificationProperties.class);
        assertThat(notifications.mailFrom()).isEqualTo("Nimbus Cloud <no-reply@localhost>");
        assertThat(notifications.supervisorLanguage()).isEqualTo("en");
    }

    @Test
    void anUnknownSupervisorLanguageOrNoSenderStopsTheStart() {
        assertThat(Settings.refusal("identity.notifications.supervisor-language=fr")).contains("must be en or zh-CN");
        assertThat(Settings.refusal("identity.notifications.mail-from=")).contains("mailFrom");
    }

    @Test
    void aLinkThatIsNotAnAbsoluteUrlStopsTheStart() {
        assertThat(Settings.refusal("identity.notifications.tasklist-url=/camunda/app/tasklist/"))
                .contains("tasklistUrl").contains("must be an absolute http(s) URL");
    }
}
