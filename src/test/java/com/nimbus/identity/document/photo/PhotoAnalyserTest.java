package com.nimbus.identity.document.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.DocumentFormat;
import com.nimbus.identity.support.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;

class PhotoAnalyserTest {

    private final PhotoAnalyser analyser = new PhotoAnalyser(ConfiguredChecks.properties());

    @Test
    void decodesAPngAndMeasuresIt() {
        PhotoAnalysis photo = analyser.analyse(TestImages.documentPng());
        assertThat(photo.readable()).isTrue();
        assertThat(photo.format()).isEqualTo(DocumentFormat.PNG);
        assertThat(photo.width()).isEqualTo(1200);
        assertThat(photo.height()).isEqualTo(760);
        assertThat(photo.blurScore()).isGreaterThan(1000);
        assertThat(photo.fingerprint()).isNotNull();
    }

    @Test
    void decodesAJpeg() {
        PhotoAnalysis photo = analyser.analyse(TestImages.documentJpeg());
        assertThat(photo.readable()).isTrue();
        assertThat(photo.format()).isEqualTo(DocumentFormat.JPEG);
        assertThat(photo.longSide()).isEqualTo(1200);
        assertThat(photo.shortSide()).isEqualTo(760);
    }

    @Test
    void aBlurredPhotoScoresFarLowerThanASharpOne() {
        double sharp = analyser.analyse(TestImages.documentPng()).blurScore();
        double soft = analyser.analyse(TestImages.boxBlurredPng(7)).blurScore();
        double blurry = analyser.analyse(TestImages.blurryPng()).blurScore();
        assertThat(soft).isLessThan(sharp / 10);
        assertThat(blurry).isLessThan(soft / 5);
    }

    @Test
    void aSharpPhotoTakenAtThreeTimesTheResolutionScoresAboutTheSame() {
        // Measured on the full 3600 px the smooth upscaled edges would score about 35 times lower (~105 against
        // ~3700) and fail; scaled back to the analysis size first, the score stays within a factor of 3.
        BufferedImage document = TestImages.document();
        BufferedImage large = new BufferedImage(3600, 2280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(document, 0, 0, 3600, 2280, null);
        g.dispose();
        double original = analyser.analyse(TestImages.png(document)).blurScore();
        double upscaled = analyser.analyse(TestImages.jpeg(large)).blurScore();
        assertThat(upscaled).isBetween(original / 4, original);
    }

    @Test
    void refusesBytesThatAreNeitherJpegNorPng() {
        PhotoAnalysis photo = analyser.analyse("GIF89a not a photo".getBytes());
        assertThat(photo.readable()).isFalse();
        assertThat(photo.problem()).isEqualTo("not a JPEG or PNG file");
    }

    @Test
    void refusesNoPhoto() {
        assertThat(analyser.analyse(new byte[0]).problem()).isEqualTo("no photo");
        assertThat(analyser.analyse(null).problem()).isEqualTo("no photo");
    }

    @Test
    void refusesAPngWhosePixelDataIsCutOff() {
        byte[] png = TestImages.documentPng();
        PhotoAnalysis photo = analyser.analyse(Arrays.copyOf(png, png.length / 2));
        assertThat(photo.readable()).isFalse();
        assertThat(photo.problem()).isEqualTo("the PNG data could not be decoded");
    }

    @Test
    void refusesAJpegSignatureFollowedByGarbage() {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        PhotoAnalysis photo = analyser.analyse(bytes);
        assertThat(photo.readable()).isFalse();
        assertThat(photo.problem()).isEqualTo("the JPEG data could not be decoded");
    }

    @Test
    void theCraftedBombHeaderIsAValidPngHeaderWithNothingBehindIt() throws Exception {
        byte[] bomb = TestImages.pngHeaderOnly(100_000, 100_000);
        assertThat(bomb).hasSize(33);
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(bomb)));
        assertThat(reader.getWidth(0)).isEqualTo(100_000);
        assertThat(reader.getHeight(0)).isEqualTo(100_000);
        reader.dispose();
    }

    @Test
    void refusesADecompressionBombFromItsHeaderAlone() {
        PhotoAnalysis photo = analyser.analyse(TestImages.pngHeaderOnly(100_000, 100_000));
        assertThat(photo.readable()).isFalse();
        assertThat(photo.width()).isEqualTo(100_000);
        assertThat(photo.height()).isEqualTo(100_000);
        // had the pixels been decoded, the missing image data would have been reported instead
        assertThat(photo.problem()).isEqualTo("the header declares 100000 x 100000 px, beyond any document photo "
                + "(at most 12000 px a side and 40 MP): refused without decoding");
    }

    @Test
    void refusesTooManyPixelsEvenWithSidesUnderTheLimit() {
        PhotoAnalysis photo = analyser.analyse(TestImages.pngHeaderOnly(7000, 7000)); // 49 MP
        assertThat(photo.readable()).isFalse();
        assertThat(photo.problem()).startsWith("the header declares 7000 x 7000 px, beyond any document photo");
    }

    @Test
    void refusesASideOverTheLimitEvenWithFewPixels() {
        PhotoAnalysis photo = analyser.analyse(TestImages.pngHeaderOnly(12_001, 100)); // 1.2 MP
        assertThat(photo.readable()).isFalse();
        assertThat(photo.problem()).startsWith("the header declares 12001 x 100 px, beyond any document photo");
    }

    @Test
    void aHeaderWithinTheLimitsIsDecodedAndThenFoundMissingItsPixels() {
        PhotoAnalysis photo = analyser.analyse(TestImages.pngHeaderOnly(6000, 4000)); // 24 MP: allowed
        assertThat(photo.readable()).isFalse();
        assertThat(photo.problem()).isEqualTo("the PNG data could not be decoded");
    }

    @Test
    void decodesALargePhotoAndReportsItsTrueSize() {
        BufferedImage large = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 6000, 4000);
        g.drawImage(TestImages.document(), 0, 0, 6000, 4000, null);
        g.dispose();
        PhotoAnalysis photo = analyser.analyse(TestImages.jpeg(large));
        assertThat(photo.readable()).isTrue();
        assertThat(photo.width()).isEqualTo(6000);
        assertThat(photo.height()).isEqualTo(4000);
    }

    @Test
    void measuresAPageDecodedAlreadyAsItWouldTheSameImageFromAFile() {
        BufferedImage document = TestImages.document();
        PhotoAnalysis rendered = analyser.analyse(document, DocumentFormat.PDF);
        PhotoAnalysis decoded = analyser.analyse(TestImages.png(document));
        assertThat(rendered.readable()).isTrue();
        assertThat(rendered.format()).isEqualTo(DocumentFormat.PDF);
        assertThat(rendered.width()).isEqualTo(1200);
        assertThat(rendered.height()).isEqualTo(760);
        assertThat(rendered.fingerprint()).isEqualTo(decoded.fingerprint());
        assertThat(rendered.blurScore()).isEqualTo(decoded.blurScore());
    }
}
