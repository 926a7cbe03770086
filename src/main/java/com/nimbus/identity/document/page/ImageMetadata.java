package com.nimbus.identity.document.page;

import com.nimbus.identity.document.DocumentFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes the metadata of an uploaded photo without decoding its pixels, so that a submission stays cheap (the
 * automated checks decode later): what a camera or phone writes besides the picture (EXIF with the device, the time
 * and often the GPS position, XMP, ICC profiles, comments, text chunks) never reaches the document store.
 * <ul>
 *   <li>JPEG: every APP1 to APP15 segment and every comment is dropped, except the JFIF header (APP0) and Adobe's
 *   colour transform (APP14), which decoding needs. When the EXIF data named an orientation other than upright, a
 *   minimal EXIF segment holding only that orientation takes its place, so that the page is shown upright.</li>
 *   <li>PNG: only the chunks that make the picture stay (IHDR, PLTE, IDAT, IEND, tRNS, gAMA, cHRM, sRGB, sBIT, bKGD,
 *   pHYs); text, eXIf, iCCP, tIME and every other chunk are dropped.</li>
 * </ul>
 * A file whose structure breaks off is cut where it breaks: nothing after that point is kept.
 */
public final class ImageMetadata {

    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "sBIT", "bKGD", "pHYs");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};
    private static final int ORIENTATION_TAG = 0x0112;

    private ImageMetadata() {
    }

    /** The file without its metadata; a PDF is returned as it is. */
    public static byte[] strip(DocumentFormat format, byte[] file) {
        return switch (format) {
            case JPEG -> stripJpeg(file);
            case PNG -> stripPng(file);
            default -> file;
        };
    }

    /**
     * The EXIF orientation (1 to 8) a JPEG names in its first EXIF segment before the image data, 1 (upright) when
     * it names none or the file is not a JPEG.
     */
    public static int orientation(DocumentFormat format, byte[] file) {
        if (format != DocumentFormat.JPEG) {
            return 1;
        }
        int i = 2;
        while (i + 3 < file.length && (file[i] & 0xFF) == 0xFF) {
            int marker = file[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int length = ((file[i + 2] & 0xFF) << 8) | (file[i + 3] & 0xFF);
            int end = i + 2 + length;
            if (length < 2 || end > file.length) {
                return 1;
            }
            if (marker == 0xE1 && startsWith(file, i + 4, end, EXIF)) {
                return exifOrientation(file, i + 4, end);
            }
            i = end;
        }
        return 1;
    }

    static byte[] stripJpeg(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(0xFF);
        out.write(0xD8);
        int orientation = 1;
        boolean orientationWritten = false;
        int i = 2;
        while (i + 1 < file.length) {
            if ((file[i] & 0xFF) != 0xFF) {
                break; // not a marker: the structure breaks off here
            }
            int marker = file[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                out.write(0xFF);
                out.write(marker);
                i += 2;
                if (marker == 0xD9) {
                    break;
                }
                continue;
            }
            if (i + 3 >= file.length) {
                break;
            }
            int length = ((file[i + 2] & 0xFF) << 8) | (file[i + 3] & 0xFF);
            int end = i + 2 + length;
            if (length < 2 || end > file.length) {
                break;
            }
            boolean keep = true;
            if (marker == 0xE1) {
                keep = false;
                int named = exifOrientation(file, i + 4, end);
                if (named > 1) {
                    orientation = named;
                }
            } else if (marker >= 0xE2 && marker <= 0xEF) {
                keep = marker == 0xEE && startsWith(file, i + 4, end, "Adobe".getBytes(StandardCharsets.US_ASCII));
            } else if (marker == 0xFE) {
                keep = false;
            } else if (marker == 0xE0) {
                keep = startsWith(file, i + 4, end, "JFIF\0".getBytes(StandardCharsets.US_ASCII));
            }
            boolean metadata = (marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE;
            if (!metadata && !orientationWritten && orientation > 1) {
                out.writeBytes(orientationSegment(orientation));
                orientationWritten = true;
            }
            if (keep) {
                out.write(file, i, 2 + length);
            }
            if (marker == 0xDA) {
                out.write(file, end, file.length - end); // the entropy-coded data and what follows, as it is
                return out.toByteArray();
            }
            i = end;
        }
        return out.toByteArray();
    }

    private static int exifOrientation(byte[] file, int start, int end) {
        if (!startsWith(file, start, end, EXIF)) {
            return 1;
        }
        int tiff = start + EXIF.length;
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = file[tiff] == 'I' && file[tiff + 1] == 'I';
        if (!little && !(file[tiff] == 'M' && file[tiff + 1] == 'M')) {
            return 1;
        }
        long ifd = unsigned(file, tiff + 4, 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int entries = (int) unsigned(file, (int) (tiff + ifd), 2, little);
        for (int e = 0; e < entries; e++) {
            int entry = (int) (tiff + ifd + 2 + 12L * e);
            if (entry + 12 > end) {
                return 1;
            }
            if (unsigned(file, entry, 2, little) == ORIENTATION_TAG && unsigned(file, entry + 2, 2, little) == 3) {
                int value = (int) unsigned(file, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** An APP1 segment of EXIF data that holds the orientation and nothing else. */
    static byte[] orientationSegment(int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, // header, first IFD at 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
                0, 0, 0, 0}; // no next IFD
        int length = 2 + EXIF.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(EXIF);
        out.writeBytes(tiff);
        return out.toByteArray();
    }

    static byte[] stripPng(byte[] file) {
        if (file.length < PNG_SIGNATURE.length || !Arrays.equals(file, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return file;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, PNG_SIGNATURE.length);
        int i = PNG_SIGNATURE.length;
        while (i + 8 <= file.length) {
            long length = unsigned(file, i, 4, false);
            long end = i + 12 + length;
            if (end > file.length) {
                break;
            }
            String type = new String(file, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (PNG_KEPT.contains(type)) {
                out.write(file, i, (int) (end - i));
            }
            i = (int) end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] file, int start, int end, byte[] prefix) {
        return end - start >= prefix.length && Arrays.equals(file, start, start + prefix.length, prefix, 0, prefix.length);
    }

    private static long unsigned(byte[] b, int at, int size, boolean little) {
        long value = 0;
        for (int k = 0; k < size; k++) {
            int octet = b[little ? at + size - 1 - k : at + k] & 0xFF;
            value = (value << 8) | octet;
        }
        return value;
    }
}
