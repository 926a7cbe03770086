package com.nimbus.identity.document.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Multi-index hashing finds exactly what a full scan finds: on a generated set of fingerprints (random ones, and
 * families of near copies of a few, as re-encoded photos are), for every distance the setting allows, with an
 * in-memory index of the three bands standing in for the database's band indexes.
 */
class FingerprintBandsTest {

    /** A band index as the database keeps it: for each band, band value to the positions of the fingerprints. */
    private static final class BandIndex {

        private final List<Long> fingerprints;
        private final List<Map<Integer, List<Integer>>> bands = new ArrayList<>();

        BandIndex(List<Long> fingerprints) {
            this.fingerprints = fingerprints;
            for (int b = 0; b < FingerprintBands.COUNT; b++) {
                bands.add(new HashMap<>());
            }
            for (int i = 0; i < fingerprints.size(); i++) {
                int[] values = FingerprintBands.of(fingerprints.get(i));
                for (int b = 0; b < FingerprintBands.COUNT; b++) {
                    bands.get(b).computeIfAbsent(values[b], v -> new ArrayList<>()).add(i);
                }
            }
        }

        /** Positions within {@code maxDistance}, found through the probes only; {@code looked} counts candidates. */
        Set<Integer> within(long query, int maxDistance, int[] looked) {
            Set<Integer> candidates = new HashSet<>();
            int[][] probes = FingerprintBands.probes(query, maxDistance);
            for (int b = 0; b < FingerprintBands.COUNT; b++) {
                for (int value : probes[b]) {
                    candidates.addAll(bands.get(b).getOrDefault(value, List.of()));
                }
            }
            looked[0] += candidates.size();
            Set<Integer> hits = new TreeSet<>();
            for (int i : candidates) {
                if (PhotoFingerprint.distance(query, fingerprints.get(i)) <= maxDistance) {
                    hits.add(i);
                }
            }
            return hits;
        }
    }

    private static Set<Integer> fullScan(List<Long> fingerprints, long query, int maxDistance) {
        Set<Integer> hits = new TreeSet<>();
        for (int i = 0; i < fingerprints.size(); i++) {
            if (PhotoFingerprint.distance(query, fingerprints.get(i)) <= maxDistance) {
                hits.add(i);
            }
        }
        return hits;
    }

    /** {@code value} with {@code bits} distinct random bits flipped. */
    static long flip(long value, int bits, Random random) {
        long mask = 0;
        while (Long.bitCount(mask) < bits) {
            mask |= 1L << random.nextInt(64);
        }
        return value ^ mask;
    }

    /** Random fingerprints, and around some of them near copies at every distance from 0 to 12 bits. */
    static List<Long> generated(Random random, int randomOnes, int families) {
        List<Long> fingerprints = new ArrayList<>();
        for (int i = 0; i < randomOnes; i++) {
            fingerprints.add(random.nextLong());
        }
        for (int f = 0; f < families; f++) {
            long original = random.nextLong();
            fingerprints.add(original);
            for (int bits = 0; bits <= 12; bits++) {
                fingerprints.add(flip(original, bits, random));
            }
        }
        return fingerprints;
    }

    @Test
    void findsExactlyWhatAFullScanFindsForEveryAllowedDistance() {
        Random random = new Random(20251122);
        List<Long> fingerprints = generated(random, 20_000, 200);
        BandIndex index = new BandIndex(fingerprints);
        List<Long> queries = new ArrayList<>();
        for (int q = 0; q < 150; q++) {
            long member = fingerprints.get(20_000 + random.nextInt(200 * 14));
            queries.add(flip(member, random.nextInt(6), random)); // near a family
            queries.add(random.nextLong()); // near nothing, mostly
        }
        int hitsSeen = 0;
        for (int maxDistance = 0; maxDistance <= 11; maxDistance++) {
            for (long query : queries) {
                Set<Integer> expected = fullScan(fingerprints, query, maxDistance);
                assertThat(index.within(query, maxDistance, new int[1]))
                        .as("query %016x within %d bits", query, maxDistance).isEqualTo(expected);
                hitsSeen += expected.size();
            }
        }
        assertThat(hitsSeen).as("the generated set has near copies to find").isGreaterThan(1000);
    }

    @Test
    void looksAtFewCandidatesWhereAFullScanReadsEveryFingerprint() {
        Random random = new Random(7);
        List<Long> fingerprints = generated(random, 100_000, 0);
        BandIndex index = new BandIndex(fingerprints);
        int[] looked = new int[1];
        for (int q = 0; q < 100; q++) {
            index.within(random.nextLong(), 5, looked);
        }
        // 67 probes of band values each holding about 100,000 / 2^21 fingerprints: a handful per query
        assertThat(looked[0] / 100.0).isLessThan(20);
    }

    @Test
    void everyFingerprintWithinTheDistanceSharesAProbedBandValue() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20_000; trial++) {
            int maxDistance = random.nextInt(12);
            long query = random.nextLong();
            long near = flip(query, random.nextInt(maxDistance + 1), random);
            int[][] probes = FingerprintBands.probes(query, maxDistance);
            int[] bands = FingerprintBands.of(near);
            boolean shared = false;
            for (int b = 0; b < FingerprintBands.COUNT; b++) {
                shared |= Arrays.binarySearch(probes[b], bands[b]) >= 0;
            }
            assertThat(shared).as("%016x and %016x within %d", query, near, maxDistance).isTrue();
        }
    }

    @Test
    void theBandsCoverAllSixtyFourBitsOnce() {
        assertThat(FingerprintBands.of(-1L)).containsExactly((1 << 21) - 1, (1 << 21) - 1, (1 << 22) - 1);
        assertThat(FingerprintBands.of(0L)).containsExactly(0, 0, 0);
        assertThat(FingerprintBands.of(Long.MIN_VALUE)).containsExactly(1 << 20, 0, 0);
        assertThat(FingerprintBands.of(1L)).containsExactly(0, 0, 1);
        assertThat(FingerprintBands.of(1L << 22)).containsExactly(0, 1, 0);
        assertThat(FingerprintBands.of(1L << 43)).containsExactly(1, 0, 0);
    }

    @Test
    void theProbesAreEveryValueWithinTheRadiusOfEachBand() {
        assertThat(FingerprintBands.radius(5)).isEqualTo(1);
        assertThat(FingerprintBands.radius(2)).isZero();
        assertThat(FingerprintBands.radius(11)).isEqualTo(3);
        int[][] probes = FingerprintBands.probes(0L, 5);
        assertThat(probes[0]).hasSize(22).contains(0, 1, 1 << 20).doesNotContain(3);
        assertThat(probes[2]).hasSize(23).contains(1 << 21);
        assertThat(FingerprintBands.probes(0L, 11)[2]).hasSize(1 + 22 + 231 + 1540);
        assertThat(FingerprintBands.within(0b101, 3, 3)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThatThrownBy(() -> FingerprintBands.radius(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
