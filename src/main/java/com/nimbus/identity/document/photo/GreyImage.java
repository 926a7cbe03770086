package com.nimbus.identity.document.photo;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * A grey copy of a photo, scaled down by averaging the pixels of each area (so that scaling does not
 * sharpen): what the sharpness score and the fingerprint are computed on. Values are 0 (black) to 255.
 */
final class GreyImage {

    private final int width;
    private final int height;
    private final double[] pixels;

    private GreyImage(int width, int height, double[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /**
     * The image in grey, scaled down (never up) so that its longer side is at most {@code maxSide}. The pixels of the
     * usual decoded photos (8-bit grey, 8-bit RGB without alpha) are read straight from the image's bytes, with the
     * same values {@link BufferedImage#getRGB} gives; others through it.
     */
    static GreyImage of(BufferedImage image, int maxSide) {
        Rows rows = byteRows(image);
        return of(image, maxSide, rows != null ? rows : rgbRows(image));
    }

    /** The same through {@link BufferedImage#getRGB} whatever the image's layout (the reference of the fast path). */
    static GreyImage viaRgb(BufferedImage image, int maxSide) {
        return of(image, maxSide, rgbRows(image));
    }

    private static GreyImage of(BufferedImage image, int maxSide, Rows rows) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        return binDown(w, h, Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)),
                rows, new double[w]);
    }

    private static Rows rgbRows(BufferedImage image) {
        int w = image.getWidth();
        int[] argb = new int[w];
        return (y, row) -> {
            image.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                row[x] = luminance(argb[x]);
            }
            return row;
        };
    }

    /**
     * Rows read from the bytes of an 8-bit, one-band (grey) or three-band (RGB) image without alpha, or null for any
     * other layout. Grey values go through a table of what the colour model makes of each byte (Java's grey colour
     * space is linear, so {@code getRGB} converts it), RGB values are sRGB bytes as {@code getRGB} gives them.
     */
    private static Rows byteRows(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (!(model instanceof ComponentColorModel) || model.hasAlpha()
                || !(raster.getSampleModel() instanceof ComponentSampleModel layout)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || raster.getTransferType() != DataBuffer.TYPE_BYTE) {
            return null;
        }
        int bands = layout.getNumBands();
        for (int size : layout.getSampleSize()) {
            if (size != 8) {
                return null;
            }
        }
        byte[] data = buffer.getData();
        int[] offsets = layout.getBandOffsets();
        int pixelStride = layout.getPixelStride();
        int scanline = layout.getScanlineStride();
        int base = buffer.getOffset();
        int w = image.getWidth();
        if (bands == 1 && model.getNumComponents() == 1) {
            double[] table = new double[256];
            byte[] sample = new byte[1];
            for (int v = 0; v < 256; v++) {
                sample[0] = (byte) v;
                table[v] = luminance(model.getRGB(sample));
            }
            return (y, row) -> {
                int i = base + y * scanline + offsets[0];
                for (int x = 0; x < w; x++, i += pixelStride) {
                    row[x] = table[data[i] & 0xFF];
                }
                return row;
            };
        }
        if (bands == 3 && model.getNumComponents() == 3 && model.getColorSpace().isCS_sRGB()) {
            return (y, row) -> {
                int i = base + y * scanline;
                for (int x = 0; x < w; x++, i += pixelStride) {
                    row[x] = luminance(0xFF000000 | (data[i + offsets[0]] & 0xFF) << 16
                            | (data[i + offsets[1]] & 0xFF) << 8 | (data[i + offsets[2]] & 0xFF));
                }
                return row;
            };
        }
        return null;
    }

    /** This image averaged down to exactly {@code targetWidth} x {@code targetHeight} (each at most this size). */
    GreyImage resize(int targetWidth, int targetHeight) {
        double[] row = new double[width];
        return binDown(width, height, Math.min(targetWidth, width), Math.min(targetHeight, height), (y, out) -> {
            System.arraycopy(pixels, y * width, out, 0, width);
            return out;
        }, row);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    double at(int x, int y) {
        return pixels[y * width + x];
    }

    /**
     * The variance of the Laplacian (4-neighbour kernel) over the image: high where edges are crisp, low
     * when they are smeared. 0 for an image too small to have an inside.
     */
    double laplacianVariance() {
        if (width < 3 || height < 3) {
            return 0;
        }
        double sum = 0;
        double sumOfSquares = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                double laplacian = pixels[i - width] + pixels[i + width] + pixels[i - 1] + pixels[i + 1] - 4 * pixels[i];
                sum += laplacian;
                sumOfSquares += laplacian * laplacian;
            }
        }
        double n = (double) (width - 2) * (height - 2);
        double mean = sum / n;
        return sumOfSquares / n - mean * mean;
    }

    /** Grey of a pixel, transparent parts seen on white. */
    private static double luminance(int argb) {
        double alpha = ((argb >>> 24) & 0xFF) / 255.0;
        double grey = 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
        return alpha * grey + (1 - alpha) * 255;
    }

    private interface Rows {
        /** Fills {@code row} with the grey values of row {@code y} and returns it. */
        double[] read(int y, double[] row);
    }

    /**
     * Each target pixel is the mean of the source pixels that fall into it; every source row is read once. The source
     * pixels of one target column lie next to each other in a row, so each row adds them up in one run per target
     * pixel, in the order of {@code x} as they come; how many pixels a target pixel holds follows from the bounds.
     */
    private static GreyImage binDown(int w, int h, int tw, int th, Rows rows, double[] row) {
        double[] sum = new double[tw * th];
        int[] columnEnd = bounds(w, tw);
        int[] rowEnd = bounds(h, th);
        int ty = 0;
        for (int y = 0; y < h; y++) {
            while (y >= rowEnd[ty]) {
                ty++;
            }
            int offset = ty * tw;
            double[] values = rows.read(y, row);
            int x = 0;
            for (int tx = 0; tx < tw; tx++) {
                double total = sum[offset + tx];
                for (int end = columnEnd[tx]; x < end; x++) {
                    total += values[x];
                }
                sum[offset + tx] = total;
            }
        }
        for (int j = 0; j < th; j++) {
            int rowsIn = rowEnd[j] - (j == 0 ? 0 : rowEnd[j - 1]);
            for (int i = 0; i < tw; i++) {
                sum[j * tw + i] /= rowsIn * (columnEnd[i] - (i == 0 ? 0 : columnEnd[i - 1]));
            }
        }
        return new GreyImage(tw, th, sum);
    }

    /**
     * Where each of {@code target} bins ends among {@code source} positions: position {@code p} falls into bin
     * {@code p * target / source}, so every bin holds at least one position when {@code target <= source}.
     */
    private static int[] bounds(int source, int target) {
        int[] end = new int[target];
        for (int p = 0; p < source; p++) {
            end[(int) ((long) p * target / source)] = p + 1;
        }
        return end;
    }
}
