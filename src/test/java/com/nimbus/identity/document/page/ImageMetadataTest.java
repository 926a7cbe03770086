package com.nimbus.identity.document.page;

import static com.nimbus.identity.support.PhotosWithMetadata.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentFormat;
import com.nimbus.identity.support.PhotosWithMetadata;
import com.nimbus.identity.support.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageMetadataTest {

    @Test
    void aJpegLosesItsExifGpsXmpAndCommentAndKeepsItsPixelsAndOrientation() throws IOException {
        byte[] sent = PhotosWithMetadata.jpegWithGps();
        assertThat(PhotosWithMetadata.contains(sent, PhotosWithMetadata.DEVICE)).as("the test photo has metadata").isTrue();

        byte[] stripped = ImageMetadata.strip(DocumentFormat.JPEG, sent);

        assertThat(PhotosWithMetadata.contains(stripped, PhotosWithMetadata.DEVICE)).isFalse();
        assertThat(PhotosWithMetadata.contains(stripped, PhotosWithMetadata.XMP_NAMESPACE)).isFalse();
        assertThat(PhotosWithMetadata.contains(stripped, "GPSLatitude")).isFalse();
        assertThat(PhotosWithMetadata.contains(stripped, PhotosWithMetadata.COMMENT)).isFalse();
        assertThat(indexOf(stripped, new byte[] {0, 0, 0, 39, 0, 0, 0, 1, 0, 0, 0, 54})).as("no GPS rational").isNegative();
        assertThat(samePixels(decode(stripped), decode(sent))).isTrue();
        byte[] orientation = ImageMetadata.orientationSegment(6);
        assertThat(indexOf(stripped, orientation)).as("the orientation alone stays").isPositive();
        assertThat(stripped.length).isLessThan(sent.length);
    }

    @Test
    void tellsTheOrientationAJpegNames() {
        byte[] sent = PhotosWithMetadata.jpegWithGps();
        assertThat(ImageMetadata.orientation(DocumentFormat.JPEG, sent)).isEqualTo(6);
        assertThat(ImageMetadata.orientation(DocumentFormat.JPEG, ImageMetadata.strip(DocumentFormat.JPEG, sent))).isEqualTo(6);
        assertThat(ImageMetadata.orientation(DocumentFormat.JPEG, TestImages.documentJpeg())).isEqualTo(1);
        assertThat(ImageMetadata.orientation(DocumentFormat.PNG, PhotosWithMetadata.pngWithText())).isEqualTo(1);
        assertThat(ImageMetadata.orientation(DocumentFormat.JPEG, java.util.Arrays.copyOf(sent, 40))).isEqualTo(1);
    }

    @Test
    void aJpegWithoutMetadataIsStoredAsItIs() {
        byte[] plain = TestImages.documentJpeg();
        assertThat(ImageMetadata.strip(DocumentFormat.JPEG, plain)).isEqualTo(plain);
    }

    @Test
    void aPngLosesItsTextAndExifChunks() throws IOException {
        byte[] sent = PhotosWithMetadata.pngWithText();

        byte[] stripped = ImageMetadata.strip(DocumentFormat.PNG, sent);

        assertThat(PhotosWithMetadata.contains(stripped, PhotosWithMetadata.PNG_TEXT)).isFalse();
        assertThat(PhotosWithMetadata.contains(stripped, PhotosWithMetadata.DEVICE)).isFalse();
        assertThat(PhotosWithMetadata.contains(stripped, "eXIf")).isFalse();
        assertThat(samePixels(decode(stripped), decode(sent))).isTrue();
    }

    @Test
    void aFileThatBreaksOffKeepsNothingAfterTheBreak() {
        byte[] sent = PhotosWithMetadata.jpegWithGps();
        byte[] broken = java.util.Arrays.copyOf(sent, 40); // inside the EXIF segment
        assertThat(PhotosWithMetadata.contains(ImageMetadata.strip(DocumentFormat.JPEG, broken), "MM")).isFalse();
        assertThat(ImageMetadata.strip(DocumentFormat.JPEG, broken)).hasSizeLessThanOrEqualTo(2);
    }

    private static BufferedImage decode(byte[] file) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(file));
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y += 7) {
            for (int x = 0; x < a.getWidth(); x += 7) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
