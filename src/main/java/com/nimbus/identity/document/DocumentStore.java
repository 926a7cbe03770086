package com.nimbus.identity.document;

import com.nimbus.identity.security.FieldCipher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps document photos, encrypted, in the application's own tables; never in the engine's. Beside each
 * photo it keeps the photo's perceptual fingerprint (not personal data: it cannot be turned back into the
 * photo), so that a photo submitted again for another account can be recognised.
 */
@Service
public class DocumentStore implements PhotoFingerprints {

    /** R2/R3 and the API contract: a document photo is at most 10 MiB. */
    public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

    private final DocumentPhotoRepository photos;
    private final FieldCipher cipher;
    private final PhotoAnalyser analyser;

    public DocumentStore(DocumentPhotoRepository photos, FieldCipher cipher, PhotoAnalyser analyser) {
        this.photos = photos;
        this.cipher = cipher;
        this.analyser = analyser;
    }

    /**
     * Checks an uploaded photo before anything is stored: {@link DocumentTooLarge} over 10 MiB,
     * {@link DocumentTypeUnsupported} unless its bytes are those of a JPEG or PNG.
     */
    public static ImageFormat accept(byte[] content) {
        if (content.length > MAX_PHOTO_BYTES) {
            throw new DocumentTooLarge();
        }
        return ImageFormat.sniff(content).orElseThrow(DocumentTypeUnsupported::new);
    }

    /**
     * Stores the photo encrypted, with its fingerprint. A photo that cannot be decoded (or declares a size
     * beyond any photo) is stored without one: the automated checks reject it.
     */
    public void save(String applicationId, ImageFormat format, byte[] content) {
        photos.save(new DocumentPhoto(applicationId, format.mediaType(), content.length, sha256(content),
                cipher.encrypt(content), analyser.analyse(content).fingerprint()));
    }

    public Optional<Photo> load(String applicationId) {
        return photos.findById(applicationId)
                .map(p -> new Photo(p.getContentType(), cipher.decrypt(p.getContentEnc())));
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalInt nearestOfOtherAccounts(String accountId, long fingerprint, int maxDistance) {
        try (Stream<Number> others = photos.fingerprintsOfOtherAccounts(accountId)) {
            return PhotoFingerprint.nearest(others.mapToLong(Number::longValue), fingerprint, maxDistance);
        }
    }

    /** A decrypted photo, for the automated checks and for the reviewer's eyes only. */
    public record Photo(String contentType, byte[] content) {
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
