package com.nimbus.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.nimbus.identity.security.CryptoProperties;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.TestImages;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DocumentStoreTest {

    private final DocumentPhotoRepository repository = mock(DocumentPhotoRepository.class);
    private final FieldCipher cipher = new FieldCipher(new CryptoProperties(Base64.getEncoder().encodeToString(new byte[32])));
    private final PhotoAnalyser analyser = new PhotoAnalyser(ConfiguredChecks.properties());
    private final DocumentStore store = new DocumentStore(repository, cipher, analyser);

    private DocumentPhoto saved() {
        ArgumentCaptor<DocumentPhoto> photo = ArgumentCaptor.forClass(DocumentPhoto.class);
        verify(repository).save(photo.capture());
        return photo.getValue();
    }

    @Test
    void storesThePhotoEncryptedWithItsFingerprint() {
        byte[] png = TestImages.documentPng();
        store.save("app-1", ImageFormat.PNG, png);
        DocumentPhoto photo = saved();
        assertThat(photo.getPhotoFingerprint()).isNotNull().isEqualTo(analyser.analyse(png.clone()).fingerprint());
        assertThat(photo.getContentEnc()).isNotEqualTo(png);
        assertThat(cipher.decrypt(photo.getContentEnc())).isEqualTo(png);
    }

    @Test
    void storesAPhotoThatCannotBeDecodedWithoutAFingerprint() {
        store.save("app-2", ImageFormat.PNG, TestImages.pngHeaderOnly(100_000, 100_000));
        assertThat(saved().getPhotoFingerprint()).isNull();
    }

    @Test
    void loadsThePhotoDecrypted() {
        byte[] png = TestImages.documentPng();
        store.save("app-3", ImageFormat.PNG, png);
        DocumentPhoto photo = saved();
        when(repository.findById("app-3")).thenReturn(Optional.of(photo));
        assertThat(store.load("app-3")).hasValueSatisfying(p -> {
            assertThat(p.contentType()).isEqualTo("image/png");
            assertThat(p.content()).isEqualTo(png);
        });
    }

    @Test
    void findsTheNearestFingerprintOfOtherAccountsAndClosesTheStream() {
        AtomicBoolean closed = new AtomicBoolean();
        long photo = 0x0123_4567_89AB_CDEFL;
        when(repository.fingerprintsOfOtherAccounts("account-1")).thenReturn(
                Stream.<Number>of(~photo, photo ^ 0b11L, photo ^ 0b1000_0001L).onClose(() -> closed.set(true)));
        assertThat(store.nearestOfOtherAccounts("account-1", photo, 5)).hasValue(2);
        assertThat(closed).isTrue();
    }

    @Test
    void findsNothingWhenEveryOtherFingerprintIsFarAway() {
        long photo = 0x0123_4567_89AB_CDEFL;
        when(repository.fingerprintsOfOtherAccounts(any())).thenReturn(Stream.of(~photo, photo ^ 0b111111L));
        assertThat(store.nearestOfOtherAccounts("account-1", photo, 5)).isEmpty();
    }
}
