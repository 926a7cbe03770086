package com.nimbus.identity.document;

import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.web.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Keeps document photos, encrypted, in the application's own tables; never in the engine's. */
@Service
public class DocumentStore {

    /** R2/R3 and the API contract: a document photo is at most 10 MiB. */
    public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

    private final DocumentPhotoRepository photos;
    private final FieldCipher cipher;

    public DocumentStore(DocumentPhotoRepository photos, FieldCipher cipher) {
        this.photos = photos;
        this.cipher = cipher;
    }

    /**
     * Checks an uploaded photo before anything is stored: 413 {@code DOCUMENT_TOO_LARGE} over 10 MiB,
     * 415 {@code DOCUMENT_TYPE_UNSUPPORTED} unless its bytes are those of a JPEG or PNG.
     */
    public static ImageFormat accept(byte[] content) {
        if (content.length > MAX_PHOTO_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "DOCUMENT_TOO_LARGE",
                    "The document photo is larger than 10 MiB.");
        }
        return ImageFormat.sniff(content).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "DOCUMENT_TYPE_UNSUPPORTED", "The document photo must be a JPEG or PNG image."));
    }

    public void save(String applicationId, ImageFormat format, byte[] content) {
        photos.save(new DocumentPhoto(applicationId, format.mediaType(), content.length, sha256(content),
                cipher.encrypt(content)));
    }

    public Optional<Photo> load(String applicationId) {
        return photos.findById(applicationId)
                .map(p -> new Photo(p.getContentType(), cipher.decrypt(p.getContentEnc())));
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
