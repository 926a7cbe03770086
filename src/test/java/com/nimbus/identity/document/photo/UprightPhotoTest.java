package com.nimbus.identity.document.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentFormat;
import com.nimbus.identity.support.PhotosWithMetadata;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class UprightPhotoTest {

    /** A 3 x 2 image whose pixels are numbered row by row: 1 2 3 / 4 5 6. */
    private static BufferedImage numbered() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, 1 + x + 3 * y);
            }
        }
        return image;
    }

    private static int[][] rows(BufferedImage image) {
        int[][] rows = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rows[y][x] = image.getRGB(x, y) & 0xFFFFFF;
            }
        }
        return rows;
    }

    @Test
    void turnsThePixelsAsEachExifOrientationSays() {
        assertThat(rows(UprightPhoto.turn(numbered(), 1))).isEqualTo(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(rows(UprightPhoto.turn(numbered(), 2))).isEqualTo(new int[][] {{3, 2, 1}, {6, 5, 4}});
        assertThat(rows(UprightPhoto.turn(numbered(), 3))).isEqualTo(new int[][] {{6, 5, 4}, {3, 2, 1}});
        assertThat(rows(UprightPhoto.turn(numbered(), 4))).isEqualTo(new int[][] {{4, 5, 6}, {1, 2, 3}});
        assertThat(rows(UprightPhoto.turn(numbered(), 5))).isEqualTo(new int[][] {{1, 4}, {2, 5}, {3, 6}});
        assertThat(rows(UprightPhoto.turn(numbered(), 6))).as("a quarter turn clockwise")
                .isEqualTo(new int[][] {{4, 1}, {5, 2}, {6, 3}});
        assertThat(rows(UprightPhoto.turn(numbered(), 7))).isEqualTo(new int[][] {{6, 3}, {5, 2}, {4, 1}});
        assertThat(rows(UprightPhoto.turn(numbered(), 8))).as("a quarter turn anticlockwise")
                .isEqualTo(new int[][] {{3, 6}, {2, 5}, {1, 4}});
    }

    @Test
    void encodesAJpegAsAJpegAndAPngAsAPngWithThePictureOnly() throws IOException {
        byte[] sentJpeg = PhotosWithMetadata.jpegWithGps();
        BufferedImage sentPng = ImageIO.read(new ByteArrayInputStream(PhotosWithMetadata.pngWithText()));

        byte[] jpeg = UprightPhoto.encode(ImageIO.read(new ByteArrayInputStream(sentJpeg)), DocumentFormat.JPEG);
        byte[] png = UprightPhoto.encode(sentPng, DocumentFormat.PNG);

        assertThat(DocumentFormat.sniff(jpeg)).contains(DocumentFormat.JPEG);
        assertThat(DocumentFormat.sniff(png)).contains(DocumentFormat.PNG);
        for (byte[] file : new byte[][] {jpeg, png}) {
            assertThat(PhotosWithMetadata.contains(file, "Exif")).isFalse();
            assertThat(PhotosWithMetadata.contains(file, "eXIf")).isFalse();
            assertThat(PhotosWithMetadata.contains(file, PhotosWithMetadata.DEVICE)).isFalse();
            assertThat(PhotosWithMetadata.contains(file, PhotosWithMetadata.PNG_TEXT)).isFalse();
        }
        assertThat(samePixels(ImageIO.read(new ByteArrayInputStream(png)), sentPng)).as("PNG is lossless").isTrue();
        PhotoAnalyser analyser = new PhotoAnalyser(com.nimbus.identity.document.ConfiguredChecks.properties());
        assertThat(PhotoFingerprint.distance(analyser.analyse(jpeg).fingerprint(),
                analyser.analyse(sentJpeg).fingerprint())).as("the same picture").isLessThanOrEqualTo(2);
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
