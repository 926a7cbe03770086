package com.nimbus.identity.document;

/**
 * What decoding a document photo found out. Holds no pixels and no part of the photo, only measures.
 *
 * @param format      the format its bytes declare, or null when they are neither JPEG nor PNG
 * @param width       width in pixels as the header gives it, 0 when unknown
 * @param height      height in pixels as the header gives it, 0 when unknown
 * @param problem     why the photo cannot be read (for reviewers, no personal data), or null when it was decoded
 * @param blurScore   variance of the Laplacian of the grey, scaled-down copy; higher is sharper (decoded only)
 * @param fingerprint the 64-bit difference hash of the photo (decoded only), see {@link PhotoFingerprint}
 */
public record PhotoAnalysis(ImageFormat format, int width, int height, String problem, double blurScore,
                            Long fingerprint) {

    static PhotoAnalysis unreadable(ImageFormat format, int width, int height, String problem) {
        return new PhotoAnalysis(format, width, height, problem, 0, null);
    }

    static PhotoAnalysis decoded(ImageFormat format, int width, int height, double blurScore, long fingerprint) {
        return new PhotoAnalysis(format, width, height, null, blurScore, fingerprint);
    }

    public boolean readable() {
        return problem == null;
    }

    public int longSide() {
        return Math.max(width, height);
    }

    public int shortSide() {
        return Math.min(width, height);
    }
}
