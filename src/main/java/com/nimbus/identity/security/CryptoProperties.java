package com.nimbus.identity.security;

import jakarta.validation.constraints.AssertTrue;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.crypto.*}: the keys of identity data at rest.
 * <p>
 * Encryption keys are named: every ciphertext names the key that sealed it, every key listed here opens what it
 * sealed, and {@code active-key-id} seals what is written from now on. The single {@code key}
 * ({@code IDENTITY_ENCRYPTION_KEY}) of earlier versions stays readable under a key id of its own (16 hex characters
 * derived from it, {@link FieldCipher#legacyKeyId}), and is the active key while no {@code active-key-id} is set.
 * The keys quotas count identities by are separate ({@code fingerprint-keys}, {@code active-fingerprint-key-id}),
 * so that each can be rotated on its own; while none is set they are derived from {@code key} as before.
 *
 * @param key                      base64 of 32 random bytes (AES-256); from {@code IDENTITY_ENCRYPTION_KEY}; may be empty
 *                                 once {@code keys} holds every key data was sealed with
 * @param keys                     key id (1 to 32 of {@code A-Z a-z 0-9 _ -}) to base64 of 32 random bytes
 * @param activeKeyId              the key id new data is sealed with: {@code key}'s own id when empty
 * @param fingerprintKeys          key id to base64 of 32 random bytes, for the keyed fingerprints quotas count by
 * @param activeFingerprintKeyId   the fingerprint key id in use: the one derived from {@code key} when empty
 */
@Validated
@ConfigurationProperties("identity.crypto")
public record CryptoProperties(String key, Map<String, String> keys, String activeKeyId,
                               Map<String, String> fingerprintKeys, String activeFingerprintKeyId) {

    /**
     * The key of the embedded default in {@code application.yaml}: public, for development only; the production
     * profile refuses it ({@link ProductionSettingsCheck}).
     */
    public static final String DEVELOPMENT_KEY = "ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    @ConstructorBinding
    public CryptoProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        fingerprintKeys = fingerprintKeys == null ? Map.of() : Map.copyOf(fingerprintKeys);
        activeKeyId = activeKeyId == null || activeKeyId.isBlank() ? null : activeKeyId.strip();
        activeFingerprintKeyId = activeFingerprintKeyId == null || activeFingerprintKeyId.isBlank() ? null
                : activeFingerprintKeyId.strip();
    }

    /** One key only, as earlier versions were configured. */
    public CryptoProperties(String key) {
        this(key, Map.of(), null, Map.of(), null);
    }

    /** Whether the single {@code key} is set. */
    public boolean hasLegacyKey() {
        return key != null && !key.isBlank();
    }

    /** The single key's 32 bytes. */
    public byte[] keyBytes() {
        return decode(key);
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }

    @AssertTrue(message = "must be set (IDENTITY_ENCRYPTION_KEY, or keys and active-key-id): base64 of 32 random bytes")
    boolean isSomeKeySet() {
        return hasLegacyKey() || (activeKeyId != null && keys.containsKey(activeKeyId));
    }

    @AssertTrue(message = "must be base64 of exactly 32 bytes (AES-256)")
    boolean isKeyOf32Bytes() {
        return !hasLegacyKey() || is32Bytes(key);
    }

    @AssertTrue(message = "each key id must be 1 to 32 of A-Z a-z 0-9 _ - and each key base64 of exactly 32 bytes")
    boolean isKeysWellFormed() {
        return wellFormed(keys) && wellFormed(fingerprintKeys);
    }

    @AssertTrue(message = "must name one of identity.crypto.keys")
    boolean isActiveKeyIdListed() {
        return activeKeyId == null || keys.containsKey(activeKeyId);
    }

    @AssertTrue(message = "must name one of identity.crypto.fingerprint-keys (or be empty while identity.crypto.key is set)")
    boolean isActiveFingerprintKeyIdListed() {
        return activeFingerprintKeyId == null ? hasLegacyKey() : fingerprintKeys.containsKey(activeFingerprintKeyId);
    }

    private static boolean wellFormed(Map<String, String> named) {
        return named.entrySet().stream().allMatch(e -> KEY_ID.matcher(e.getKey()).matches() && is32Bytes(e.getValue()));
    }

    private static boolean is32Bytes(String base64) {
        try {
            return base64 != null && decode(base64).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
