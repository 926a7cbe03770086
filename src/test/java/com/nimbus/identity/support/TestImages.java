package com.nimbus.identity.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/** Document photos drawn for tests: sharp, blurred, small; each different unless asked otherwise. */
public final class TestImages {

    private TestImages() {
    }

    /** A sharp 1200x760 picture of a card with text and lines, like a photo of an ID document. */
    public static BufferedImage document() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        BufferedImage image = new BufferedImage(1200, 760, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230 + r.nextInt(20), 230, 220));
        g.fillRect(0, 0, 1200, 760);
        g.setColor(new Color(20, 40, 90));
        g.setStroke(new BasicStroke(4));
        g.drawRect(40, 40, 1120, 680);
        // each card's own shading, as photos of two people's documents differ: a random grey for each cell of the 9 x 8
        // grid the fingerprint averages the photo down to, so that every bit of two cards' fingerprints is a coin toss
        // and two test photos are never within the same-photo distance by chance
        for (int column = 0; column < 9; column++) {
            for (int row = 0; row < 8; row++) {
                int grey = 110 + r.nextInt(130);
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(column * 1200 / 9, row * 760 / 8, 1200 / 9 + 1, 760 / 8 + 1);
            }
        }
        g.setColor(new Color(20, 40, 90));
        g.drawRect(40, 40, 1120, 680);
        g.fillRect(60 + r.nextInt(780), 60 + r.nextInt(260), 120, 150);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString("RESIDENT IDENTITY CARD", 420, 130);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 36));
        for (int line = 0; line < 8; line++) {
            g.drawString(Long.toString(r.nextLong(1_000_000_000L, 9_999_999_999L)) + " NAME ADDRESS", 420, 210 + line * 60);
        }
        g.dispose();
        return image;
    }

    public static byte[] documentPng() {
        return png(document());
    }

    public static byte[] documentJpeg() {
        return encode(document(), "jpeg");
    }

    /** The same document, blurred with a wide box filter until edges are gone. */
    public static byte[] blurryPng() {
        BufferedImage image = document();
        float[] box = new float[21 * 21];
        java.util.Arrays.fill(box, 1f / box.length);
        BufferedImage blurred = new ConvolveOp(new Kernel(21, 21, box), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        return png(blurred);
    }

    /** The same document, softened by a {@code size} x {@code size} box filter. */
    public static byte[] boxBlurredPng(int size) {
        float[] box = new float[size * size];
        java.util.Arrays.fill(box, 1f / box.length);
        return png(new ConvolveOp(new Kernel(size, size, box), ConvolveOp.EDGE_NO_OP, null).filter(document(), null));
    }

    /** A sharp photo of a different scene: a licence-like card on a dark gradient, the portrait on the right. */
    public static BufferedImage otherScene() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(40, 60, 40), 1200, 800, new Color(200, 180, 150)));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(250, 250, 245));
        g.fillRoundRect(120, 120, 960, 560, 40, 40);
        g.setColor(new Color(120, 20, 20));
        g.fillOval(760, 200, 240, 300);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 44));
        g.drawString("DRIVING LICENCE", 170, 220);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    /**
     * The first bytes of a PNG and nothing else: the signature and an IHDR chunk (with its CRC) declaring
     * {@code width} x {@code height}, 8-bit RGB. A reader learns the dimensions; there are no pixels to decode.
     */
    public static byte[] pngHeaderOnly(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17)
                .put(new byte[] {'I', 'H', 'D', 'R'})
                .putInt(width).putInt(height)
                .put((byte) 8)   // bit depth
                .put((byte) 2)   // colour type: RGB
                .put((byte) 0).put((byte) 0).put((byte) 0); // compression, filter, interlace
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        return java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue())
                .array();
    }

    /** A sharp but tiny picture (160x100). */
    public static byte[] tinyPng() {
        BufferedImage small = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(document(), 0, 0, 160, 100, null);
        g.dispose();
        return png(small);
    }

    /** The document drawn on a large photo of {@code width} x {@code height} px, as a JPEG. */
    public static byte[] largeJpeg(int width, int height) {
        BufferedImage large = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.drawImage(document(), 0, 0, width, height, null);
        g.dispose();
        return jpeg(large);
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether two image files show the same picture: the same size, and a mean difference of grey level under 4 of 255
     * (a JPEG encoded again from a JPEG's pixels loses a little; a PNG encoded again loses nothing).
     */
    public static boolean samePicture(byte[] a, byte[] b) {
        try {
            BufferedImage first = ImageIO.read(new java.io.ByteArrayInputStream(a));
            BufferedImage second = ImageIO.read(new java.io.ByteArrayInputStream(b));
            if (first == null || second == null || first.getWidth() != second.getWidth()
                    || first.getHeight() != second.getHeight()) {
                return false;
            }
            long sum = 0;
            for (int y = 0; y < first.getHeight(); y++) {
                for (int x = 0; x < first.getWidth(); x++) {
                    sum += Math.abs((first.getRGB(x, y) & 0xFF) - (second.getRGB(x, y) & 0xFF));
                }
            }
            return sum < 4L * first.getWidth() * first.getHeight();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
