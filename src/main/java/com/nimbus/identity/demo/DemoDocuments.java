package com.nimbus.identity.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Document pages drawn for the demo applications (java.awt): a card or a certificate with a title, a photo box, lines
 * of specimen text and a guilloche pattern, 1200 x 760 pixels, sharp, so that they pass the automated photo checks the
 * way a good photo does. Every page says SPECIMEN; none is a real document.
 */
final class DemoDocuments {

    private DemoDocuments() {
    }

    /** A page: its title, the lines printed on it, the colour of its band, and the seed of its pattern. */
    record Page(String title, List<String> lines, Color band, long seed) {
    }

    static byte[] png(Page page) {
        BufferedImage image = new BufferedImage(1200, 760, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // each layout is its own picture, so that only pages sent twice look the same to the same-photo check
        int layout = (int) (page.seed() % 4);
        Color light = new Color(246, 243, 232);
        Color dark = page.band().darker();
        switch (layout) {
            case 1 -> g.setPaint(new GradientPaint(0, 0, dark, 0, 760, light));
            case 2 -> g.setPaint(new GradientPaint(1200, 0, light, 0, 0, new Color(200, 215, 200)));
            case 3 -> g.setPaint(new GradientPaint(0, 760, dark, 1200, 0, light));
            default -> g.setPaint(new GradientPaint(0, 0, light, 1200, 760, new Color(226, 234, 240)));
        }
        g.fillRect(0, 0, 1200, 760);
        Random random = new Random(page.seed());
        g.setStroke(new BasicStroke(1));
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(150 + random.nextInt(60), 170 + random.nextInt(50), 190, 90));
            int y = random.nextInt(760);
            g.drawArc(-200 + random.nextInt(400), y - 300, 1600, 600, 0, 180);
        }
        int bandY = layout == 3 ? 670 : 0;
        g.setColor(page.band());
        g.fillRect(0, bandY, layout == 2 ? 600 : 1200, 90);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString(page.title(), 40, bandY + 62);
        g.setColor(new Color(20, 40, 90));
        g.setStroke(new BasicStroke(4));
        g.drawRect(30, 110, 1140, 540);
        int photoX = layout == 1 || layout == 3 ? 840 : 60;
        int textX = layout == 1 || layout == 3 ? 60 : 400;
        if (layout == 2) {
            // a license: a seal instead of a portrait
            g.setColor(new Color(200, 30, 30));
            g.setStroke(new BasicStroke(8));
            g.drawOval(880, 380, 230, 230);
            g.fillOval(960, 460, 70, 70);
            textX = 80;
        } else {
            g.setColor(new Color(200, 205, 215));
            g.fillRect(photoX, 150, 300, 380);
            g.setColor(new Color(90, 100, 120));
            g.fillOval(photoX + 80, 200, 140, 170);
            g.fillRoundRect(photoX + 50, 380, 200, 150, 80, 80);
        }
        g.setColor(new Color(20, 30, 50));
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 34));
        int y = 190;
        for (String line : page.lines()) {
            g.drawString(line, textX, y);
            y += 62;
        }
        g.setColor(new Color(200, 30, 30, 140));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 90));
        g.rotate(-0.25, 600, 380);
        g.drawString("SPECIMEN", 380, 560);
        g.dispose();
        return encode(image);
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Mainland China resident identity number with its GB 11643 check character. */
    static String residentId(String division, String birthDate, String sequence) {
        String first17 = division + birthDate + sequence;
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
