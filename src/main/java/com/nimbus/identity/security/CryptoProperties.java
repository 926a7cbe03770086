package com.nimbus.identity.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.crypto.*}: the key of identity data at rest.
 *
 * @param key base64 of 32 random bytes (AES-256); from {@code IDENTITY_ENCRYPTION_KEY} in production
 */
@Validated
@ConfigurationProperties("identity.crypto")
public record CryptoProperties(@NotBlank(message = "must be set (IDENTITY_ENCRYPTION_KEY): base64 of 32 random bytes")
                               String key) {

    /**
     * The key of the embedded default in {@code application.yaml}: public, for development only; the production
     * profile refuses it ({@link ProductionSettingsCheck}).
     */
    public static final String DEVELOPMENT_KEY = "ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";

    /** The key's 32 bytes. */
    public byte[] keyBytes() {
        return Base64.getDecoder().decode(key.strip());
    }

    @AssertTrue(message = "must be base64 of exactly 32 bytes (AES-256)")
    boolean isKeyOf32Bytes() {
        if (key == null || key.isBlank()) {
            return true; // reported by @NotBlank
        }
        try {
            return keyBytes().length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
