package com.nimbus.identity.document.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The grey copy read straight from the decoded bytes is, pixel for pixel, the one read through getRGB, for every
 * layout the decoders hand over: so sharpness scores and fingerprints, and the same-photo warnings made from stored
 * fingerprints, are exactly those of before.
 */
class GreyImageTest {

    private static BufferedImage decoded(byte[] file) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(file));
    }

    private static void assertSameAsGetRgb(BufferedImage image) {
        for (int maxSide : new int[] {1000, 300, 64}) {
            GreyImage fast = GreyImage.of(image, maxSide);
            GreyImage reference = GreyImage.viaRgb(image, maxSide);
            assertThat(fast.width()).isEqualTo(reference.width());
            assertThat(fast.height()).isEqualTo(reference.height());
            for (int y = 0; y < fast.height(); y++) {
                for (int x = 0; x < fast.width(); x++) {
                    assertThat(fast.at(x, y)).as("pixel %d,%d at %d", x, y, maxSide).isEqualTo(reference.at(x, y));
                }
            }
            assertThat(fast.laplacianVariance()).isEqualTo(reference.laplacianVariance());
            assertThat(PhotoFingerprint.of(fast)).isEqualTo(PhotoFingerprint.of(reference));
        }
    }

    private static BufferedImage redrawn(BufferedImage source, int type) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return copy;
    }

    /**
     * Each grey pixel is the mean of the source pixels of its area, added up row by row in reading order: the
     * arithmetic of the fingerprints stored so far, bit for bit, for sizes that do not divide evenly.
     */
    @Test
    void eachAreaIsTheMeanOfItsPixelsAddedInReadingOrder() throws IOException {
        BufferedImage image = decoded(TestImages.documentJpeg());
        for (int maxSide : new int[] {image.getWidth(), 333, 97, 9}) {
            GreyImage grey = GreyImage.viaRgb(image, maxSide);
            int w = image.getWidth();
            int h = image.getHeight();
            double[] sum = new double[grey.width() * grey.height()];
            int[] count = new int[sum.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    int cell = (int) ((long) y * grey.height() / h) * grey.width() + (int) ((long) x * grey.width() / w);
                    sum[cell] += 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                    count[cell]++;
                }
            }
            for (int y = 0; y < grey.height(); y++) {
                for (int x = 0; x < grey.width(); x++) {
                    int cell = y * grey.width() + x;
                    assertThat(grey.at(x, y)).as("pixel %d,%d at %d", x, y, maxSide).isEqualTo(sum[cell] / count[cell]);
                }
            }
        }
    }

    @Test
    void aGreyPngReadsAsThroughGetRgb() throws IOException {
        BufferedImage grey = decoded(TestImages.png(redrawn(TestImages.document(), BufferedImage.TYPE_BYTE_GRAY)));
        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertSameAsGetRgb(grey);
    }

    @Test
    void colourJpegsAndPngsReadAsThroughGetRgb() throws IOException {
        BufferedImage jpeg = decoded(TestImages.documentJpeg());
        assertThat(jpeg.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertSameAsGetRgb(jpeg);
        BufferedImage png = decoded(TestImages.png(redrawn(TestImages.otherScene(), BufferedImage.TYPE_3BYTE_BGR)));
        assertSameAsGetRgb(png);
    }

    @Test
    void otherLayoutsGoThroughGetRgb() throws IOException {
        BufferedImage withAlpha = new BufferedImage(120, 80, BufferedImage.TYPE_4BYTE_ABGR);
        Graphics2D g = withAlpha.createGraphics();
        g.setColor(new Color(20, 40, 200, 128));
        g.fillRect(10, 10, 60, 30);
        g.dispose();
        assertSameAsGetRgb(decoded(TestImages.png(withAlpha)));
        assertSameAsGetRgb(redrawn(TestImages.document(), BufferedImage.TYPE_INT_RGB));
        assertSameAsGetRgb(redrawn(TestImages.document(), BufferedImage.TYPE_USHORT_GRAY));
    }

    @Test
    void aSubsampledDecodeReadsAsThroughGetRgb() throws IOException {
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(TestImages.documentJpeg()))) {
            reader.setInput(in);
            javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(3, 3, 0, 0);
            assertSameAsGetRgb(reader.read(0, param));
        } finally {
            reader.dispose();
        }
    }
}
