package com.nimbus.identity.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a webhook as the Standard Webhooks specification describes it to receivers, written from that description
 * alone (it shares no code with the product's sender): the secret is {@code whsec_} followed by base64; its decoded
 * bytes key HMAC-SHA256 over {@code msg_id.timestamp.payload}; {@code webhook-signature} is a space-separated list of
 * {@code version,signature} entries of which one {@code v1} entry with the base64 of that HMAC suffices; and the
 * timestamp must be within a tolerance of the receiver's clock (against replays).
 */
public final class StandardWebhooksVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksVerifier() {
    }

    /** Whether one of {@code secrets} signed the message and its timestamp is within {@link #TOLERANCE} of {@code now}. */
    public static boolean verify(List<String> secrets, String msgId, String timestamp, String payload,
                                 String signatureHeader, Instant now) {
        if (msgId == null || timestamp == null || signatureHeader == null || payload == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = Base64.getEncoder().encode(hmacSha256(keyOf(secret),
                    (msgId + "." + timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
            for (String entry : signatureHeader.split(" ")) {
                int comma = entry.indexOf(',');
                if (comma > 0 && entry.substring(0, comma).equals("v1") && MessageDigest.isEqual(expected,
                        entry.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] keyOf(String secret) {
        String base64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
