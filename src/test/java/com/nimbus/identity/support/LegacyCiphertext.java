package com.nimbus.identity.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Ciphertexts as versions before named keys wrote them: the IV and the GCM output, under the single key. */
public final class LegacyCiphertext {

    private LegacyCiphertext() {
    }

    public static byte[] seal(byte[] masterKey, byte[] plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            byte[] key = mac.doFinal("encryption".getBytes(StandardCharsets.UTF_8));
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sealText(byte[] masterKey, String plain) {
        return java.util.Base64.getEncoder().encodeToString(seal(masterKey, plain.getBytes(StandardCharsets.UTF_8)));
    }
}
