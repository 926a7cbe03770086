package com.nimbus.identity.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the automated document checks, under {@code identity.checks} (defaults in
 * {@code application.yaml}, explained in the README).
 *
 * @param photo how a document photo is judged
 * @param similarPhoto when a photo counts as the same as one another account submitted
 */
@ConfigurationProperties("identity.checks")
public record DocumentChecksProperties(Photo photo, SimilarPhoto similarPhoto) {

    public DocumentChecksProperties {
        require(photo != null, "identity.checks.photo is not configured");
        require(similarPhoto != null, "identity.checks.similar-photo is not configured");
    }

    /**
     * @param maxPixels       more pixels than this (width x height, read from the header) is refused before
     *                        decoding, as a decompression bomb: {@code IMAGE_UNREADABLE}
     * @param maxSide         a side longer than this is refused the same way
     * @param minLongSide     the longer side must have at least this many pixels, else {@code IMAGE_TOO_SMALL}
     * @param minShortSide    the shorter side must have at least this many pixels, else {@code IMAGE_TOO_SMALL}
     * @param analysisSide    the photo is judged on a grey copy scaled down to this longer side, so that the
     *                        blur score does not depend on the camera's resolution
     * @param blurFailBelow   a blur score (variance of the Laplacian of that copy) below this fails: {@code IMAGE_BLURRY}
     * @param blurWarnBelow   a blur score below this (and not below {@code blurFailBelow}) is a warning for the reviewer
     */
    public record Photo(long maxPixels, int maxSide, int minLongSide, int minShortSide, int analysisSide,
                        double blurFailBelow, double blurWarnBelow) {

        public Photo {
            require(maxPixels > 0 && maxSide > 0, "identity.checks.photo.max-pixels and max-side must be positive");
            require(minLongSide > 0 && minShortSide > 0 && minShortSide <= minLongSide,
                    "identity.checks.photo.min-long-side and min-short-side must be positive, short <= long");
            require(minLongSide <= maxSide, "identity.checks.photo.min-long-side must not exceed max-side");
            require(analysisSide >= 64, "identity.checks.photo.analysis-side must be at least 64");
            require(blurFailBelow >= 0 && blurWarnBelow >= blurFailBelow,
                    "identity.checks.photo.blur-fail-below must be >= 0 and blur-warn-below >= blur-fail-below");
        }
    }

    /**
     * @param enabled     whether photos are compared with those of other accounts at all
     * @param maxDistance two photo fingerprints (64-bit difference hashes) at most this many bits apart are
     *                    taken for the same photo
     */
    public record SimilarPhoto(boolean enabled, int maxDistance) {

        public SimilarPhoto {
            require(maxDistance >= 0 && maxDistance < 32, "identity.checks.similar-photo.max-distance must be 0 to 31");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
