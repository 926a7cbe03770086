package com.nimbus.identity.document.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.photo.PhotoAnalyser;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.vocabulary.ReasonCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The three photo checks with the thresholds of application.yaml: the calibration operators get. */
class PhotoChecksTest {

    private final DocumentChecksProperties configured = ConfiguredChecks.properties();
    private final PhotoReadableCheck readable = new PhotoReadableCheck();
    private final PhotoResolutionCheck resolution = new PhotoResolutionCheck(configured);
    private final PhotoSharpnessCheck sharpness = new PhotoSharpnessCheck(configured);

    private CheckResult[] all(byte[] photo) {
        CheckSubject subject = Subjects.withPhoto(photo);
        return new CheckResult[] {readable.check(subject), resolution.check(subject), sharpness.check(subject)};
    }

    @Test
    void aSharpPngPassesAll() {
        CheckResult[] results = all(TestImages.documentPng());
        assertThat(results).extracting(CheckResult::outcome).containsOnly(CheckResult.Outcome.PASS);
        assertThat(results[0].detail()).isEqualTo("PNG, 1200 x 760 px");
        assertThat(results[1].detail()).isEqualTo("1200 x 760 px (minimum 800 x 500 px)");
        assertThat(results[2].detail()).matches("blur score [0-9]+\\.[0-9] \\(minimum 30\\.0\\)");
    }

    @Test
    void aSharpJpegPassesAll() {
        assertThat(all(TestImages.documentJpeg())).extracting(CheckResult::outcome).containsOnly(CheckResult.Outcome.PASS);
    }

    @Test
    void aBlurryPhotoFailsImageBlurryOnly() {
        CheckResult[] results = all(TestImages.blurryPng());
        assertThat(results[0].outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(results[1].outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(results[2].outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(results[2].reason()).isEqualTo(ReasonCode.IMAGE_BLURRY);
        assertThat(results[2].detail()).matches("blur score [0-9]+\\.[0-9], below the minimum 30\\.0");
    }

    @Test
    void aSlightlySoftPhotoPassesWithAWarningForTheReviewer() {
        CheckResult result = sharpness.check(Subjects.withPhoto(TestImages.boxBlurredPng(7)));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.WARN);
        assertThat(result.reason()).isNull();
        assertThat(result.detail()).matches(
                "blur score [0-9]+\\.[0-9], close to the minimum 30\\.0: check that every detail is legible");
    }

    @Test
    void aTinyPhotoFailsImageTooSmall() {
        CheckResult[] results = all(TestImages.tinyPng());
        assertThat(results[0].outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(results[1].outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(results[1].reason()).isEqualTo(ReasonCode.IMAGE_TOO_SMALL);
        assertThat(results[1].detail()).isEqualTo("160 x 100 px, below the minimum 800 x 500 px");
    }

    @Test
    void unreadableBytesFailImageUnreadableAndAreNotMeasured() {
        CheckResult[] results = all("not an image at all".getBytes());
        assertThat(results[0].outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(results[0].reason()).isEqualTo(ReasonCode.IMAGE_UNREADABLE);
        assertThat(results[0].detail()).isEqualTo("not a JPEG or PNG file");
        assertThat(results[1].detail()).isEqualTo("not measured: the photo is unreadable");
        assertThat(results[2].detail()).isEqualTo("not measured: the photo is unreadable");
    }

    @Test
    void aDecompressionBombFailsImageUnreadableBeforeDecoding() {
        CheckResult result = readable.check(Subjects.withPhoto(TestImages.pngHeaderOnly(100_000, 100_000)));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(result.reason()).isEqualTo(ReasonCode.IMAGE_UNREADABLE);
        assertThat(result.detail()).startsWith("the header declares 100000 x 100000 px").endsWith("refused without decoding");
    }

    @Test
    void aPortraitPhotoIsJudgedWhicheverWayItIsTurned() {
        java.awt.image.BufferedImage landscape = TestImages.document();
        java.awt.image.BufferedImage portrait = new java.awt.image.BufferedImage(760, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 760; y++) {
            for (int x = 0; x < 1200; x++) {
                portrait.setRGB(y, x, landscape.getRGB(x, y));
            }
        }
        assertThat(resolution.check(Subjects.withPhoto(TestImages.png(portrait))).outcome()).isEqualTo(CheckResult.Outcome.PASS);
    }

    @Test
    void aDocumentWithoutPagesFailsImageUnreadable() {
        CheckResult[] results = all(null);
        assertThat(results[0].reason()).isEqualTo(ReasonCode.IMAGE_UNREADABLE);
        assertThat(results[0].detail()).isEqualTo("no photo");
    }

    @Test
    void everyPageIsCheckedAndTheDetailNamesEachPage() {
        CheckSubject subject = Subjects.withPages(TestImages.documentPng(), TestImages.documentJpeg());
        CheckResult result = resolution.check(subject);
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(result.detail()).isEqualTo("page 1: 1200 x 760 px (minimum 800 x 500 px); "
                + "page 2: 1200 x 760 px (minimum 800 x 500 px)");
        assertThat(readable.check(subject).detail()).isEqualTo("page 1: PNG, 1200 x 760 px; page 2: JPEG, 1200 x 760 px");
    }

    @Test
    void oneBadPageFailsTheCheckWithItsReason() {
        CheckSubject subject = Subjects.withPages(TestImages.documentPng(), TestImages.blurryPng(), TestImages.tinyPng());
        CheckResult blur = sharpness.check(subject);
        assertThat(blur.outcome()).isEqualTo(CheckResult.Outcome.FAIL);
        assertThat(blur.reason()).isEqualTo(ReasonCode.IMAGE_BLURRY);
        assertThat(blur.detail()).containsPattern("^page 1: blur score [0-9.]+ \\(minimum 30\\.0\\); page 2: blur score [0-9.]+, "
                + "below the minimum 30\\.0; page 3: ");
        CheckResult size = resolution.check(subject);
        assertThat(size.reason()).isEqualTo(ReasonCode.IMAGE_TOO_SMALL);
        assertThat(size.detail()).endsWith("page 3: 160 x 100 px, below the minimum 800 x 500 px");
        assertThat(readable.check(subject).outcome()).isEqualTo(CheckResult.Outcome.PASS);
    }

    @Test
    void aSoftPageAmongSharpOnesWarns() {
        CheckResult result = sharpness.check(Subjects.withPages(TestImages.documentPng(), TestImages.boxBlurredPng(7)));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.WARN);
        assertThat(result.reason()).isNull();
    }

    @Test
    void anUnreadablePageFailsReadableWhileTheOthersAreMeasured() {
        CheckSubject subject = Subjects.withPages(TestImages.documentPng(), TestImages.pngHeaderOnly(100_000, 100_000));
        CheckResult result = readable.check(subject);
        assertThat(result.reason()).isEqualTo(ReasonCode.IMAGE_UNREADABLE);
        assertThat(result.detail()).startsWith("page 1: PNG, 1200 x 760 px; page 2: the header declares 100000 x 100000 px");
        assertThat(resolution.check(subject).detail()).endsWith("page 2: not measured: the photo is unreadable");
    }

    /** The warning band on its own, with thresholds set around a photo's measured score. */
    @Nested
    class Thresholds {

        private final byte[] photo = TestImages.documentPng();
        private final double score = new PhotoAnalyser(configured).analyse(photo).blurScore();

        private CheckResult sharpnessWith(double failBelow, double warnBelow) {
            DocumentChecksProperties.Photo p = configured.photo();
            DocumentChecksProperties settings = ConfiguredChecks.withPhoto(new DocumentChecksProperties.Photo(
                    p.maxPixels(), p.maxSide(), p.minLongSide(), p.minShortSide(), p.analysisSide(), failBelow, warnBelow));
            return new PhotoSharpnessCheck(settings).check(Subjects.withPhoto(photo));
        }

        @Test
        void aScoreBetweenTheThresholdsWarns() {
            assertThat(sharpnessWith(score * 0.9, score * 1.1).outcome()).isEqualTo(CheckResult.Outcome.WARN);
        }

        @Test
        void aScoreAtTheWarningThresholdPasses() {
            assertThat(sharpnessWith(score * 0.9, score).outcome()).isEqualTo(CheckResult.Outcome.PASS);
        }

        @Test
        void aScoreJustBelowTheFailingThresholdFails() {
            assertThat(sharpnessWith(score * 1.01, score * 1.1).reason()).isEqualTo(ReasonCode.IMAGE_BLURRY);
        }

        @Test
        void aResolutionJustBelowTheMinimumFails() {
            DocumentChecksProperties.Photo p = configured.photo();
            DocumentChecksProperties settings = ConfiguredChecks.withPhoto(new DocumentChecksProperties.Photo(
                    p.maxPixels(), p.maxSide(), 1200, 761, p.analysisSide(), p.blurFailBelow(), p.blurWarnBelow()));
            assertThat(new PhotoResolutionCheck(settings).check(Subjects.withPhoto(photo)).reason())
                    .isEqualTo(ReasonCode.IMAGE_TOO_SMALL);
        }
    }
}
