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
        g.fillRect(80, 120, 300, 380);
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

    /** A sharp but tiny picture (160x100). */
    public static byte[] tinyPng() {
        BufferedImage small = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(document(), 0, 0, 160, 100, null);
        g.dispose();
        return png(small);
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
}
