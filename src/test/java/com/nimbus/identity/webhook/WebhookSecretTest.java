package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.StandardWebhooksVerifier;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signing exactly as Standard Webhooks: the product's signature equals the specification's published example, and the
 * test suite's receiver, written from the specification alone, accepts what the product signs and nothing else.
 */
class WebhookSecretTest {

    // the example of the Standard Webhooks specification's test suite
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSignatureIsTheOneOfTheSpecificationsExample() {
        assertThat(WebhookSecret.signatureHeader(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(SPEC_SECRET)))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void theTestReceiverVerifiesTheSpecificationsExampleAndRefusesAnyChange() {
        Instant then = Instant.ofEpochSecond(SPEC_TIMESTAMP);
        assertThat(verify(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE, then)).isTrue();
        assertThat(verify(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, "{\"test\": 2432232315}", SPEC_SIGNATURE, then))
                .as("another body").isFalse();
        assertThat(verify(List.of(SPEC_SECRET), "msg_other", SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE, then))
                .as("another id").isFalse();
        assertThat(verify(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY, SPEC_SIGNATURE, then))
                .as("another timestamp").isFalse();
        assertThat(verify(List.of(WebhookSecret.generate()), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE, then))
                .as("another secret").isFalse();
        assertThat(verify(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE,
                then.plusSeconds(6 * 60))).as("six minutes late: a replay").isFalse();
    }

    @Test
    void aGeneratedSecretIsWhsecAndBase64Of32RandomBytes() {
        String secret = WebhookSecret.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }

    @Test
    void duringARotationBothSecretsSignAndEitherAloneVerifies() {
        String old = WebhookSecret.generate();
        String rotated = WebhookSecret.generate();
        String body = "{\"type\":\"application.approved\"}";
        String header = WebhookSecret.signatureHeader("evt_1", SPEC_TIMESTAMP, body, List.of(rotated, old));

        assertThat(header.split(" ")).hasSize(2).allMatch(entry -> entry.startsWith("v1,"));
        Instant then = Instant.ofEpochSecond(SPEC_TIMESTAMP);
        assertThat(verify(List.of(old), "evt_1", SPEC_TIMESTAMP, body, header, then)).isTrue();
        assertThat(verify(List.of(rotated), "evt_1", SPEC_TIMESTAMP, body, header, then)).isTrue();
        assertThat(verify(List.of(WebhookSecret.generate()), "evt_1", SPEC_TIMESTAMP, body, header, then)).isFalse();
    }

    private static boolean verify(List<String> secrets, String id, long timestamp, String body, String signature,
                                  Instant now) {
        return StandardWebhooksVerifier.verify(secrets, id, Long.toString(timestamp), body, signature, now);
    }
}
