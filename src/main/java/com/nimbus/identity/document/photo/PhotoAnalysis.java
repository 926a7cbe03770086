package com.nimbus.identity.document.photo;

import com.nimbus.identity.document.DocumentFormat;

/**
 * What decoding one page of a document found out. Holds no pixels and no part of the page, only measures.
 *
 * @param format      the format of the file the page comes from (a PDF's pages are rendered), or null when its bytes
 *                    are of no known format
 * @param width       width in pixels (an image's header, or the rendered PDF page), 0 when unknown
 * @param height      height in pixels, 0 when unknown
 * @param problem     why the page cannot be read (for reviewers, no personal data), or null when it was decoded
 * @param blurScore   variance of the Laplacian of the grey, scaled-down copy; higher is sharper (decoded only)
 * @param fingerprint the 64-bit difference hash of the page (decoded only), see {@link PhotoFingerprint}
 */
public record PhotoAnalysis(DocumentFormat format, int width, int height, String problem, double blurScore,
                            Long fingerprint) {

    public static PhotoAnalysis unreadable(DocumentFormat format, int width, int height, String problem) {
        return new PhotoAnalysis(format, width, height, problem, 0, null);
    }

    static PhotoAnalysis decoded(DocumentFormat format, int width, int height, double blurScore, long fingerprint) {
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
