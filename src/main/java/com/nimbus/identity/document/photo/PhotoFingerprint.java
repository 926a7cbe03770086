package com.nimbus.identity.document.photo;

import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;

/**
 * A perceptual fingerprint of a photo: the 64-bit difference hash (dHash). The grey photo is averaged down to
 * 9 x 8 areas and each bit tells whether an area is brighter than its right neighbour. Re-encoding,
 * rescaling or a change of brightness barely changes it: the same photo re-encoded as JPEG or rescaled gives
 * fingerprints at most about 4 bits apart, where photos of a different scene differ in 20 or more. Photos of
 * two documents of one design, framed the same way, can also be close: the signal is a hint for the
 * reviewer, never a reason to reject.
 */
public final class PhotoFingerprint {

    private PhotoFingerprint() {
    }

    /**
     * Areas closer than this in grey (of 255) count as equal, bit 0: in flat parts of a photo (a plain
     * background) the order of two equal areas would otherwise be decided by compression noise.
     */
    static final double EQUAL_WITHIN = 1.0;

    static long of(GreyImage image) {
        GreyImage small = image.resize(9, 8);
        if (small.width() < 9 || small.height() < 8) {
            small = image; // smaller than 9 x 8: compare what there is
        }
        long hash = 0;
        for (int y = 0; y < Math.min(8, small.height()); y++) {
            for (int x = 0; x < Math.min(8, small.width() - 1); x++) {
                hash = (hash << 1) | (small.at(x, y) > small.at(x + 1, y) + EQUAL_WITHIN ? 1 : 0);
            }
        }
        return hash;
    }

    /** How many of the 64 bits differ (the Hamming distance). */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The smallest distance from {@code fingerprint} to one of {@code candidates} that is at most {@code maxDistance}. */
    public static OptionalInt nearest(LongStream candidates, long fingerprint, int maxDistance) {
        int best = Integer.MAX_VALUE;
        PrimitiveIterator.OfLong it = candidates.iterator();
        while (it.hasNext() && best > 0) {
            best = Math.min(best, distance(fingerprint, it.nextLong()));
        }
        return best <= maxDistance ? OptionalInt.of(best) : OptionalInt.empty();
    }
}
