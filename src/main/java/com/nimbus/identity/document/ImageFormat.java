package com.nimbus.identity.document;

import java.util.Arrays;
import java.util.Optional;

/** The image formats a document photo may have, recognised by their leading bytes, never by a file name. */
public enum ImageFormat {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final byte[] signature;

    ImageFormat(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImageFormat> sniff(byte[] content) {
        return Arrays.stream(values()).filter(f -> startsWith(content, f.signature)).findFirst();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content == null || content.length < prefix.length) {
            return false;
        }
        return Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
