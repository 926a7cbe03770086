package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code identity.webhooks.*}, bound and checked as at start, on the embedded default and under production. */
class WebhookPropertiesTest {

    private static final String[] PRODUCTION = {"spring.profiles.active=production",
            "PUBLIC_BASE_URL=https://identity.example.com",
            "IDENTITY_ENCRYPTION_KEY=ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=", "DOCUMENT_STORE=filesystem"};

    @Test
    void theEmbeddedDefaultSendsAnywhereWithTheTimeoutsAndScheduleOfSpec() {
        WebhookProperties webhooks = Settings.bound(WebhookProperties.class);
        assertThat(webhooks.httpsOnly()).isFalse();
        assertThat(webhooks.refusePrivateAddresses()).isFalse();
        assertThat(webhooks.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(webhooks.answerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(webhooks.maxAnswerBytes()).isEqualTo(4096);
        assertThat(webhooks.secretOverlap()).isEqualTo(Duration.ofHours(24));
        assertThat(webhooks.retry().retryFor()).isEqualTo(Duration.ofHours(24));
        assertThat(webhooks.delivery().enabled()).isTrue();
        assertThat(webhooks.delivery().perEndpoint()).isLessThan(webhooks.delivery().threads());
    }

    @Test
    void productionTakesHttpsOnlyAndRefusesPrivateAddressesButForTheAllowedHosts() {
        WebhookProperties webhooks = Settings.bound(WebhookProperties.class, PRODUCTION);
        assertThat(webhooks.httpsOnly()).isTrue();
        assertThat(webhooks.refusePrivateAddresses()).isTrue();
        assertThat(webhooks.allowedHosts()).isEmpty();

        String[] withHosts = java.util.Arrays.copyOf(PRODUCTION, PRODUCTION.length + 1);
        withHosts[PRODUCTION.length] = "WEBHOOK_ALLOWED_HOSTS=billing.internal,icp.internal";
        assertThat(Settings.bound(WebhookProperties.class, withHosts).allowedHosts())
                .containsExactly("billing.internal", "icp.internal");
    }

    @Test
    void aScheduleShorterThan24HoursOrContradictorySettingsStopTheStart() {
        assertThat(Settings.refusal("identity.webhooks.retry.retry-for=12h"))
                .contains("identity.webhooks").contains("at least 24 hours");
        assertThat(Settings.refusal("identity.webhooks.retry.max-delay=1s")).contains("max-delay");
        assertThat(Settings.refusal("identity.webhooks.retry.jitter=0.9")).contains("jitter");
        assertThat(Settings.refusal("identity.webhooks.delivery.per-endpoint=9")).contains("per-endpoint");
        assertThat(Settings.refusal("identity.webhooks.answer-timeout=0s")).contains("answerTimeout");
    }
}
