package com.nimbus.identity.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscription's signing secret and the Standard Webhooks signature. The secret is {@code whsec_} followed by the
 * base64 of 32 random bytes; those bytes key HMAC-SHA256 over {@code {webhook-id}.{webhook-timestamp}.{body}}, and
 * {@code webhook-signature} is {@code v1,} with the base64 of the result, one such entry per secret that signs,
 * separated by spaces (two while a rotated secret's overlap lasts).
 */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key bytes of a {@code whsec_} secret. */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /** The value of {@code webhook-signature} for this message, signed with each of {@code secrets}. */
    static String signatureHeader(String webhookId, long timestamp, String body, List<String> secrets) {
        byte[] content = (webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        return secrets.stream()
                .map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), content)))
                .collect(Collectors.joining(" "));
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
