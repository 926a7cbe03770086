package com.nimbus.identity.document.photo;

import java.util.Arrays;

/**
 * The index of photo fingerprints: multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space
 * with Multi-Index Hashing", CVPR 2012). A 64-bit fingerprint is cut into three bands of 21, 21 and 22 bits, and
 * each band is indexed for exact lookup. Two fingerprints at most {@code d} bits apart differ in at most
 * {@code d / 3} (rounded down) bits in one of the bands at least: were every band {@code d / 3 + 1} or more bits
 * apart, the whole would be {@code 3 * (d / 3 + 1) > d} apart. So looking each band up at every value within
 * {@code d / 3} bits of the query's band ({@link #probes}) finds every fingerprint within {@code d}, and only those
 * candidates are compared in full.
 * <p>
 * The bands do not depend on the distance searched: a change of {@code identity.checks.similar-photo.max-distance}
 * changes the lookups, never what is stored, so nothing is rebuilt. With the default distance 5 a lookup probes
 * 67 band values; with 1 million stored pages of evenly spread fingerprints each probed value holds about 0.5 of
 * them, so the cost stays flat where a full scan grows with every photo stored.
 */
public final class FingerprintBands {

    /** The number of bands. */
    public static final int COUNT = 3;
    private static final int[] WIDTH = {21, 21, 22};
    private static final int[] SHIFT = {43, 22, 0};

    private FingerprintBands() {
    }

    /** The three band values of a fingerprint (each fits an {@code int}: at most 22 bits). */
    public static int[] of(long fingerprint) {
        int[] bands = new int[COUNT];
        for (int b = 0; b < COUNT; b++) {
            bands[b] = band(fingerprint, b);
        }
        return bands;
    }

    static int band(long fingerprint, int band) {
        return (int) ((fingerprint >>> SHIFT[band]) & ((1L << WIDTH[band]) - 1));
    }

    /** How many bits each band is searched within for fingerprints at most {@code maxDistance} apart. */
    public static int radius(int maxDistance) {
        if (maxDistance < 0) {
            throw new IllegalArgumentException("a distance is never negative");
        }
        return maxDistance / COUNT;
    }

    /**
     * For each band, every value within {@link #radius} bits of the fingerprint's value in that band: a
     * fingerprint at most {@code maxDistance} bits away has its own value of at least one band among these.
     */
    public static int[][] probes(long fingerprint, int maxDistance) {
        int radius = radius(maxDistance);
        int[][] probes = new int[COUNT][];
        for (int b = 0; b < COUNT; b++) {
            probes[b] = within(band(fingerprint, b), WIDTH[b], radius);
        }
        return probes;
    }

    /** Every value of {@code width} bits that differs from {@code value} in at most {@code radius} bits. */
    static int[] within(int value, int width, int radius) {
        int count = 0;
        for (int k = 0; k <= Math.min(radius, width); k++) {
            count += binomial(width, k);
        }
        int[] out = new int[count];
        int[] next = {0};
        flip(value, width, Math.min(radius, width), 0, out, next);
        Arrays.sort(out);
        return out;
    }

    /** Writes {@code value} and every variant of it with up to {@code left} more bits flipped at or above {@code from}. */
    private static void flip(int value, int width, int left, int from, int[] out, int[] next) {
        out[next[0]++] = value;
        if (left == 0) {
            return;
        }
        for (int bit = from; bit < width; bit++) {
            flip(value ^ (1 << bit), width, left - 1, bit + 1, out, next);
        }
    }

    private static int binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return (int) result;
    }
}
