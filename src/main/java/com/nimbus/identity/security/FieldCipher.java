package com.nimbus.identity.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts identity data at rest (document numbers, document pages) with AES-256-GCM, and derives keyed fingerprints
 * of document numbers so that quotas can be counted without storing numbers in clear. Every encryption of identity
 * data goes through this class.
 * <p>
 * A ciphertext names its key: {@code "IDK2"}, one byte of flags (1: bound), the key id's length and its ASCII bytes,
 * then the 12-byte IV and the GCM output. Every configured key opens what it sealed; {@link #keyId()} seals. Data
 * sealed by earlier versions (IV and GCM output only) is opened with the single key {@code identity.crypto.key}.
 * A ciphertext <em>bound</em> to a row ({@link #encrypt(byte[], String)}: the application's id as associated data)
 * opens only for that row, so that it cannot be moved to another.
 */
@Component
public class FieldCipher {

    private static final byte[] MAGIC = {'I', 'D', 'K', '2'};
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte BOUND = 1;

    private final Map<String, SecretKeySpec> encryptionKeys = new LinkedHashMap<>();
    private final Map<String, SecretKeySpec> fingerprintKeys = new LinkedHashMap<>();
    private final String keyId;
    private final String fingerprintKeyId;
    private final String legacyKeyId;
    private final SecureRandom random = new SecureRandom();

    /** @param properties the keys, validated at start ({@link CryptoProperties}) */
    public FieldCipher(CryptoProperties properties) {
        if (properties.hasLegacyKey()) {
            byte[] key = properties.keyBytes();
            this.legacyKeyId = legacyKeyId(key);
            encryptionKeys.put(legacyKeyId, new SecretKeySpec(derive(key, "encryption"), "AES"));
            fingerprintKeys.put(legacyKeyId, new SecretKeySpec(derive(key, "fingerprint"), "HmacSHA256"));
        } else {
            this.legacyKeyId = null;
        }
        properties.keys().forEach((id, key) ->
                encryptionKeys.put(id, new SecretKeySpec(derive(CryptoProperties.decode(key), "encryption"), "AES")));
        properties.fingerprintKeys().forEach((id, key) ->
                fingerprintKeys.put(id, new SecretKeySpec(derive(CryptoProperties.decode(key), "fingerprint"), "HmacSHA256")));
        this.keyId = properties.activeKeyId() != null ? properties.activeKeyId() : legacyKeyId;
        this.fingerprintKeyId = properties.activeFingerprintKeyId() != null ? properties.activeFingerprintKeyId()
                : legacyKeyId;
        if (keyId == null || !encryptionKeys.containsKey(keyId) || fingerprintKeyId == null
                || !fingerprintKeys.containsKey(fingerprintKeyId)) {
            throw new IllegalStateException("identity.crypto: no active key");
        }
    }

    /** The id of the single key {@code identity.crypto.key}: 16 hex characters derived from it, revealing nothing. */
    public static String legacyKeyId(byte[] key) {
        return hex(derive(key, "key-id")).substring(0, 16);
    }

    /** The id of the single key {@code identity.crypto.key}, or null when it is not set. */
    public String legacyKeyId() {
        return legacyKeyId;
    }

    /** The id of the key {@link #encrypt} seals with now. Stored beside sealed objects. */
    public String keyId() {
        return keyId;
    }

    /** The ids of every key that can open data. */
    public Set<String> keyIds() {
        return Set.copyOf(encryptionKeys.keySet());
    }

    /** The id of the fingerprint key configured as active ({@code identity.crypto.active-fingerprint-key-id}). */
    public String fingerprintKeyId() {
        return fingerprintKeyId;
    }

    /** Whether {@code keyId} names a configured fingerprint key. */
    public boolean hasFingerprintKey(String keyId) {
        return fingerprintKeys.containsKey(keyId);
    }

    /** Seals data that belongs to no row (a webhook secret, a stored answer). */
    public byte[] encrypt(byte[] plain) {
        return seal(plain, null);
    }

    /** Seals data of one row: it opens only with {@link #decrypt(byte[], String)} of the same {@code boundTo}. */
    public byte[] encrypt(byte[] plain, String boundTo) {
        return seal(plain, requireBinding(boundTo));
    }

    /** Opens what {@link #encrypt(byte[])} sealed (or an earlier version's ciphertext). */
    public byte[] decrypt(byte[] sealed) {
        return open(sealed, null);
    }

    /** Opens what {@link #encrypt(byte[], String)} sealed for {@code boundTo} (or an earlier version's ciphertext). */
    public byte[] decrypt(byte[] sealed, String boundTo) {
        return open(sealed, requireBinding(boundTo));
    }

    public String encryptText(String plain) {
        return Base64.getEncoder().encodeToString(encrypt(plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String encryptText(String plain, String boundTo) {
        return Base64.getEncoder().encodeToString(encrypt(plain.getBytes(StandardCharsets.UTF_8), boundTo));
    }

    public String decryptText(String sealed) {
        return new String(decrypt(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
    }

    public String decryptText(String sealed, String boundTo) {
        return new String(decrypt(Base64.getDecoder().decode(sealed), boundTo), StandardCharsets.UTF_8);
    }

    /** The id of the key that sealed {@code sealed}; the single key's id for an earlier version's ciphertext. */
    public String keyIdOf(byte[] sealed) {
        Header header = header(sealed);
        return header == null ? legacyKeyId : header.keyId();
    }

    /** Whether {@code sealed} should be sealed again: by an earlier version, or with a key other than the active one. */
    public boolean needsResealing(byte[] sealed) {
        Header header = header(sealed);
        return header == null || !header.keyId().equals(keyId);
    }

    /** {@link #needsResealing(byte[])} of a text ciphertext. */
    public boolean needsResealingText(String sealed) {
        return needsResealing(Base64.getDecoder().decode(sealed));
    }

    /** {@link #keyIdOf(byte[])} of a text ciphertext. */
    public String keyIdOfText(String sealed) {
        return keyIdOf(Base64.getDecoder().decode(sealed));
    }

    /** A stable keyed fingerprint (HMAC-SHA256, hex) of a value with the active fingerprint key. */
    public String fingerprint(String value) {
        return fingerprint(fingerprintKeyId, value);
    }

    /** A keyed fingerprint of a value with the named fingerprint key. */
    public String fingerprint(String fingerprintKeyId, String value) {
        SecretKeySpec key = fingerprintKeys.get(fingerprintKeyId);
        if (key == null) {
            throw new IllegalStateException("no fingerprint key " + fingerprintKeyId + " is configured");
        }
        return hex(hmac(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A stable keyed fingerprint (HMAC-SHA256, hex) of some bytes, e.g. a document file: equal files, equal
     * fingerprints, and unlike a plain hash it cannot confirm a guess of the content without the key.
     */
    public String fingerprint(byte[] value) {
        return hex(hmac(fingerprintKeys.get(fingerprintKeyId), value));
    }

    private byte[] seal(byte[] plain, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKeys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
            byte flags = boundTo == null ? 0 : BOUND;
            ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + id.length)
                    .put(MAGIC).put(flags).put((byte) id.length).put(id);
            cipher.updateAAD(header.array());
            if (boundTo != null) {
                cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            }
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(header.capacity() + IV_BYTES + sealed.length)
                    .put(header.array()).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    private byte[] open(byte[] sealed, String boundTo) {
        Header header = header(sealed);
        if (header == null) {
            return openLegacy(sealed);
        }
        if (header.bound() != (boundTo != null)) {
            throw new IllegalStateException("decryption failed: the data "
                    + (header.bound() ? "belongs to a row" : "belongs to no row"));
        }
        SecretKeySpec key = encryptionKeys.get(header.keyId());
        if (key == null) {
            throw new IllegalStateException("decryption failed: key " + header.keyId() + " is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, header.length(), IV_BYTES));
            cipher.updateAAD(sealed, 0, header.length());
            if (boundTo != null) {
                cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            }
            int start = header.length() + IV_BYTES;
            return cipher.doFinal(sealed, start, sealed.length - start);
        } catch (GeneralSecurityException e) {
            if (legacyKeyId != null && boundTo == null) {
                return openLegacy(sealed); // an earlier version's ciphertext whose IV happens to begin like a header
            }
            throw new IllegalStateException("decryption failed: wrong key, wrong row or damaged data", e);
        }
    }

    private byte[] openLegacy(byte[] sealed) {
        if (legacyKeyId == null) {
            throw new IllegalStateException("decryption failed: data of an earlier version needs identity.crypto.key");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKeys.get(legacyKeyId), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or damaged data", e);
        }
    }

    private record Header(boolean bound, String keyId, int length) {
    }

    /** The header of a named-key ciphertext; null for an earlier version's. */
    private static Header header(byte[] sealed) {
        if (sealed.length < MAGIC.length + 2 || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        int flags = sealed[MAGIC.length];
        int idLength = sealed[MAGIC.length + 1] & 0xFF;
        int length = MAGIC.length + 2 + idLength;
        if ((flags & ~BOUND) != 0 || idLength < 1 || idLength > 32 || sealed.length < length + IV_BYTES + TAG_BITS / 8) {
            return null;
        }
        return new Header(flags == BOUND, new String(sealed, MAGIC.length + 2, idLength, StandardCharsets.US_ASCII),
                length);
    }

    private static String requireBinding(String boundTo) {
        if (boundTo == null || boundTo.isEmpty()) {
            throw new IllegalArgumentException("a bound ciphertext needs the id of its row");
        }
        return boundTo;
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
