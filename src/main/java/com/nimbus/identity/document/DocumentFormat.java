package com.nimbus.identity.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The formats a document part may have (SPEC: JPEG, PNG or PDF), recognised by their leading bytes, never by a
 * file name or the content type a client declares.
 */
public enum DocumentFormat {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII));

    private final String mediaType;
    private final byte[] signature;

    DocumentFormat(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A photo or scan (JPEG, PNG): one page, decoded as an image; a PDF is rendered page by page instead. */
    public boolean isImage() {
        return this != PDF;
    }

    public static Optional<DocumentFormat> sniff(byte[] content) {
        return Arrays.stream(values()).filter(f -> startsWith(content, f.signature)).findFirst();
    }

    public static Optional<DocumentFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(mediaType)).findFirst();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content == null || content.length < prefix.length) {
            return false;
        }
        return Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
