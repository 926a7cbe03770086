package com.nimbus.identity.document;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of the automated document checks, under {@code identity.checks} (defaults in
 * {@code application.yaml}, explained in the README). Validated at start: a threshold that makes no sense stops
 * the application with the property's name.
 *
 * @param photo how a document photo is judged
 * @param similarPhoto when a photo counts as the same as one another account submitted
 */
@Validated
@ConfigurationProperties("identity.checks")
public record DocumentChecksProperties(@NotNull @Valid Photo photo, @NotNull @Valid SimilarPhoto similarPhoto) {

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
    public record Photo(@Positive long maxPixels, @Positive int maxSide, @Positive int minLongSide,
                        @Positive int minShortSide, @Min(64) int analysisSide, @PositiveOrZero double blurFailBelow,
                        double blurWarnBelow) {

        @AssertTrue(message = "min-short-side must not exceed min-long-side")
        boolean isShortSideWithinLongSide() {
            return minShortSide <= minLongSide;
        }

        @AssertTrue(message = "min-long-side must not exceed max-side")
        boolean isMinimumWithinMaximum() {
            return minLongSide <= maxSide;
        }

        @AssertTrue(message = "blur-warn-below must not be below blur-fail-below")
        boolean isWarningAtOrAboveFailure() {
            return blurWarnBelow >= blurFailBelow;
        }
    }

    /**
     * @param enabled     whether photos are compared with those of other accounts at all
     * @param maxDistance two photo fingerprints (64-bit difference hashes) at most this many bits apart are
     *                    taken for the same photo. At most 11: the index of fingerprints looks each of its three
     *                    bands up within {@code maxDistance / 3} bits, about 5,000 values at 11 and five times as
     *                    many above (and 12 bits of 64 is far beyond "the same photo" anyway)
     */
    public record SimilarPhoto(boolean enabled, @Min(0) @Max(11) int maxDistance) {
    }
}
