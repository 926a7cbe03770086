package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.support.LegacyCiphertext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] OLD = "an earlier version's key, 32 b.!".getBytes(StandardCharsets.US_ASCII);
    private static final String OLD_BASE64 = Base64.getEncoder().encodeToString(OLD);
    private static final String NEW_BASE64 = Base64.getEncoder().encodeToString("the key of 2026, thirty-two b.!!".getBytes());
    private static final String FP_BASE64 = Base64.getEncoder().encodeToString("a fingerprint key, thirty-two b!".getBytes());

    @Test
    void dataOfAnEarlierVersionStillOpensWithTheSingleKey() {
        FieldCipher cipher = new FieldCipher(new CryptoProperties(OLD_BASE64));
        byte[] sealed = LegacyCiphertext.seal(OLD, "E12345678".getBytes());

        assertThat(cipher.decrypt(sealed, "application-1")).isEqualTo("E12345678".getBytes());
        assertThat(cipher.keyIdOf(sealed)).isEqualTo(FieldCipher.legacyKeyId(OLD)).isEqualTo(cipher.keyId());
    }

    @Test
    void everyCiphertextNamesItsKeyAndEveryListedKeyOpensWhatItSealed() {
        FieldCipher before = new FieldCipher(new CryptoProperties(OLD_BASE64));
        String sealedBefore = before.encryptText("E12345678", "application-1");
        FieldCipher after = new FieldCipher(new CryptoProperties(OLD_BASE64, Map.of("k2026", NEW_BASE64), "k2026",
                Map.of(), null));
        String sealedAfter = after.encryptText("E12345678", "application-1");

        assertThat(after.keyIdOfText(sealedBefore)).isEqualTo(FieldCipher.legacyKeyId(OLD));
        assertThat(after.keyIdOfText(sealedAfter)).isEqualTo("k2026");
        assertThat(after.decryptText(sealedBefore, "application-1")).isEqualTo("E12345678");
        assertThat(after.decryptText(sealedAfter, "application-1")).isEqualTo("E12345678");
        FieldCipher withoutTheOldKey = new FieldCipher(new CryptoProperties(null, Map.of("k2026", NEW_BASE64), "k2026",
                Map.of("f1", FP_BASE64), "f1"));
        assertThat(withoutTheOldKey.decryptText(sealedAfter, "application-1")).isEqualTo("E12345678");
        assertThatThrownBy(() -> withoutTheOldKey.decryptText(sealedBefore, "application-1"))
                .hasMessageContaining("not configured");
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpen() {
        FieldCipher cipher = new FieldCipher(new CryptoProperties(OLD_BASE64));
        byte[] sealed = cipher.encrypt("E12345678".getBytes(), "application-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "application-2")).hasMessageContaining("decryption failed");
        assertThatThrownBy(() -> cipher.decrypt(sealed)).hasMessageContaining("decryption failed");
        byte[] unbound = cipher.encrypt("E12345678".getBytes());
        assertThatThrownBy(() -> cipher.decrypt(unbound, "application-1")).hasMessageContaining("decryption failed");
    }

    @Test
    void theFingerprintKeyIsSeparateAndNamed() {
        FieldCipher derived = new FieldCipher(new CryptoProperties(OLD_BASE64));
        FieldCipher separate = new FieldCipher(new CryptoProperties(OLD_BASE64, Map.of(), null,
                Map.of("f1", FP_BASE64), "f1"));

        assertThat(separate.fingerprint("E12345678")).isNotEqualTo(derived.fingerprint("E12345678"))
                .isEqualTo(separate.fingerprint("f1", "E12345678"));
        assertThat(separate.fingerprint(FieldCipher.legacyKeyId(OLD), "E12345678"))
                .as("the earlier fingerprint key stays usable to rebuild the quota keys")
                .isEqualTo(derived.fingerprint("E12345678"));
    }
}
