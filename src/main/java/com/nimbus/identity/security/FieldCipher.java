package com.nimbus.identity.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts identity data at rest (document numbers, document pages) with AES-256-GCM, and derives
 * keyed fingerprints of document numbers so that quotas can be counted without storing numbers in clear.
 * Every encryption of identity data goes through this class, so that what is sealed with which key stays known:
 * {@link #keyId()} names the key, and stores keep it beside what they sealed.
 */
@Component
public class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec fingerprintKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    /** @param properties the key, validated at start ({@link CryptoProperties}) */
    public FieldCipher(CryptoProperties properties) {
        byte[] key = properties.keyBytes();
        this.encryptionKey = new SecretKeySpec(derive(key, "encryption"), "AES");
        this.fingerprintKey = new SecretKeySpec(derive(key, "fingerprint"), "HmacSHA256");
        this.keyId = hex(derive(key, "key-id")).substring(0, 16);
    }

    /**
     * The name of the key {@link #encrypt} seals with now: 16 hex characters derived from the key (they tell keys
     * apart and reveal nothing of them). Stored beside sealed data, so that a later change of key knows what was
     * sealed with which.
     */
    public String keyId() {
        return keyId;
    }

    public byte[] encrypt(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or damaged data", e);
        }
    }

    public String encryptText(String plain) {
        return Base64.getEncoder().encodeToString(encrypt(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decryptText(String sealed) {
        return new String(decrypt(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
    }

    /** A stable keyed fingerprint (HMAC-SHA256, hex) of a value: equal values, equal fingerprints. */
    public String fingerprint(String value) {
        return fingerprint(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A stable keyed fingerprint (HMAC-SHA256, hex) of some bytes, e.g. a document file: equal files, equal
     * fingerprints, and unlike a plain hash it cannot confirm a guess of the content without the key.
     */
    public String fingerprint(byte[] value) {
        return hex(hmac(fingerprintKey, value));
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private static byte[] derive(byte[] master, String purpose) {
        return hmac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
