package com.nimbus.identity.review;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the data an applicant entered as a PNG, for the reviewer's form. Tasklist shows images served by
 * the application; a picture keeps names and numbers out of the engine's variables and history.
 */
final class EnteredDataImage {

    private static final int WIDTH = 640;
    private static final int MARGIN = 20;
    private static final int LABEL_WIDTH = 190;
    private static final int LINE = 26;

    private EnteredDataImage() {
    }

    record Field(String label, String value) {
    }

    /**
     * Fonts tried for values, in order: the first installed one that can draw the whole value is used, so that
     * Chinese names render where a CJK font is installed (e.g. Debian's fonts-noto-cjk).
     */
    private static final List<String> VALUE_FONTS = List.of("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei",
            "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", Font.SANS_SERIF);
    private static final java.util.Set<String> INSTALLED = java.util.Set.of(
            java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());

    static Font fontFor(String text, int style, int size) {
        for (String family : VALUE_FONTS) {
            if (family.equals(Font.SANS_SERIF) || INSTALLED.contains(family)) {
                Font font = new Font(family, style, size);
                if (font.canDisplayUpTo(text) == -1) {
                    return font;
                }
            }
        }
        return new Font(Font.SANS_SERIF, style, size);
    }

    static byte[] render(String title, List<Field> fields) {
        Font labelFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        String allValues = fields.stream().map(f -> f.value() == null ? "" : f.value())
                .collect(java.util.stream.Collectors.joining());
        Font valueFont = fontFor(allValues, Font.PLAIN, 18);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        FontMetrics metrics = measure.getFontMetrics(valueFont);
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 0;
        for (Field f : fields) {
            List<String> w = wrap(f.value() == null ? "" : f.value(), metrics, WIDTH - 2 * MARGIN - LABEL_WIDTH);
            wrapped.add(w);
            lines += w.size();
        }
        measure.dispose();

        int height = MARGIN * 2 + 40 + lines * LINE + fields.size() * 8;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(new Color(0x1F3A5F));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString(title, MARGIN, MARGIN + 20);
            int y = MARGIN + 40 + LINE;
            for (int i = 0; i < fields.size(); i++) {
                g.setColor(Color.DARK_GRAY);
                g.setFont(labelFont);
                g.drawString(fields.get(i).label(), MARGIN, y);
                g.setColor(Color.BLACK);
                g.setFont(valueFont);
                for (String line : wrapped.get(i)) {
                    g.drawString(line, MARGIN + LABEL_WIDTH, y);
                    y += LINE;
                }
                y += 8;
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String next = line + new String(Character.toChars(cp));
            if (metrics.stringWidth(next) > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }
}
