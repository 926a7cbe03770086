package com.nimbus.identity.document.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.support.TestImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PhotoFingerprintTest {

    private final PhotoAnalyser analyser = new PhotoAnalyser(ConfiguredChecks.properties());
    private final int maxDistance = ConfiguredChecks.properties().similarPhoto().maxDistance();

    private long fingerprint(byte[] photo) {
        return analyser.analyse(photo).fingerprint();
    }

    @Test
    void theSamePhotoReEncodedAsJpegIsWithinTheConfiguredDistance() {
        BufferedImage document = TestImages.document();
        int distance = PhotoFingerprint.distance(fingerprint(TestImages.png(document)), fingerprint(TestImages.jpeg(document)));
        assertThat(distance).isLessThanOrEqualTo(maxDistance);
    }

    @Test
    void theSamePhotoRescaledIsWithinTheConfiguredDistance() {
        BufferedImage document = TestImages.document();
        BufferedImage smaller = new BufferedImage(900, 570, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smaller.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(document, 0, 0, 900, 570, null);
        g.dispose();
        int distance = PhotoFingerprint.distance(fingerprint(TestImages.png(document)), fingerprint(TestImages.jpeg(smaller)));
        assertThat(distance).isLessThanOrEqualTo(maxDistance);
    }

    @Test
    void aPhotoOfADifferentSceneIsFarBeyondTheConfiguredDistance() {
        int distance = PhotoFingerprint.distance(fingerprint(TestImages.documentPng()), fingerprint(TestImages.png(TestImages.otherScene())));
        assertThat(distance).isGreaterThan(3 * maxDistance);
    }

    @Test
    void distanceCountsTheDifferingBits() {
        assertThat(PhotoFingerprint.distance(0L, 0L)).isZero();
        assertThat(PhotoFingerprint.distance(0b1011L, 0b0001L)).isEqualTo(2);
        assertThat(PhotoFingerprint.distance(0L, -1L)).isEqualTo(64);
        assertThat(PhotoFingerprint.distance(Long.MIN_VALUE, 0L)).isEqualTo(1);
    }

    @Test
    void nearestFindsTheClosestCandidateWithinTheDistance() {
        long photo = 0xF0F0_F0F0_F0F0_F0F0L;
        long threeOff = photo ^ 0b111L;
        long oneOff = photo ^ (1L << 63);
        long farAway = ~photo;
        assertThat(PhotoFingerprint.nearest(LongStream.of(farAway, threeOff, oneOff), photo, 5)).hasValue(1);
        assertThat(PhotoFingerprint.nearest(LongStream.of(farAway, threeOff), photo, 3)).hasValue(3);
        assertThat(PhotoFingerprint.nearest(LongStream.of(farAway, threeOff), photo, 2)).isEmpty();
        assertThat(PhotoFingerprint.nearest(LongStream.empty(), photo, 5)).isEmpty();
    }
}
