package com.nimbus.identity.document.photo;

import com.nimbus.identity.document.DocumentFormat;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A photo page made anew from its decoded pixels: turned upright as its EXIF orientation said, and encoded again in
 * its own format (JPEG at quality {@value #JPEG_QUALITY}, PNG losslessly) with nothing but the picture: no EXIF, XMP,
 * ICC profile, comment or text, and no orientation to apply any more.
 */
public final class UprightPhoto {

    /** The JPEG quality a page is encoded again at. */
    public static final float JPEG_QUALITY = 0.92f;

    private UprightPhoto() {
    }

    /**
     * The pixels as the EXIF {@code orientation} (1 to 8) says they are to be shown: mirrored and/or turned by a
     * quarter; the image itself when it is upright already (1) or the value is not an orientation.
     */
    public static BufferedImage turn(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        ColorModel colours = image.getColorModel();
        WritableRaster target = colours.createCompatibleWritableRaster(swap ? h : w, swap ? w : h);
        Raster source = image.getRaster();
        Object pixel = null;
        for (int y = 0; y < target.getHeight(); y++) {
            for (int x = 0; x < target.getWidth(); x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                pixel = source.getDataElements(sx, sy, pixel);
                target.setDataElements(x, y, pixel);
            }
        }
        return new BufferedImage(colours, target, colours.isAlphaPremultiplied(), null);
    }

    /** The image encoded as a JPEG or PNG file that holds the picture only. */
    public static byte[] encode(BufferedImage image, DocumentFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == DocumentFormat.PNG) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG encoder for this image");
            }
            return out.toByteArray();
        }
        if (format != DocumentFormat.JPEG) {
            throw new IllegalArgumentException("only a JPEG or PNG photo is encoded again, not " + format);
        }
        BufferedImage opaque = image;
        if (image.getColorModel().hasAlpha() || image.getType() == BufferedImage.TYPE_CUSTOM) {
            opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            opaque.createGraphics().drawImage(image, 0, 0, null);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG encoder");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(opaque, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
