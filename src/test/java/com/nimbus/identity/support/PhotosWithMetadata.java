package com.nimbus.identity.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Photos as phones send them: a JPEG with EXIF (device, GPS position, orientation), XMP and a comment; a PNG with text. */
public final class PhotosWithMetadata {

    /** Words the metadata holds and the picture does not. */
    public static final String DEVICE = "NimbusPhone X1";
    public static final String XMP_NAMESPACE = "http://ns.adobe.com/xap/1.0/";
    public static final String COMMENT = "shot at 1 Jianguo Road";
    public static final String PNG_TEXT = "GPS 39.9087N 116.3975E";

    private PhotosWithMetadata() {
    }

    /** {@link TestImages#documentJpeg()} with EXIF (make, orientation 6, GPS latitude 39 54' 27.12" N), XMP and a comment. */
    public static byte[] jpegWithGps() {
        byte[] jpeg = TestImages.documentJpeg();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.writeBytes(segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifWithGps())));
        out.writeBytes(segment(0xE1, concat((XMP_NAMESPACE + "\0").getBytes(StandardCharsets.ISO_8859_1),
                "<x:xmpmeta><exif:GPSLatitude>39,54.452N</exif:GPSLatitude></x:xmpmeta>".getBytes(StandardCharsets.UTF_8))));
        out.writeBytes(segment(0xFE, COMMENT.getBytes(StandardCharsets.UTF_8)));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** {@link TestImages#documentPng()} with a tEXt chunk and an eXIf chunk after IHDR. */
    public static byte[] pngWithText() {
        byte[] png = TestImages.documentPng();
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk("tEXt", ("Comment\0" + PNG_TEXT).getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(chunk("eXIf", exifWithGps()));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(120);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(15).putInt(50); // Make
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0); // Orientation
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(66); // GPS IFD
        tiff.putInt(0);
        tiff.put((DEVICE + "\0").getBytes(StandardCharsets.ISO_8859_1)); // 15 bytes at 50, padded to 66
        tiff.position(66);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // GPSLatitudeRef
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(96); // GPSLatitude
        tiff.putInt(0);
        tiff.putInt(39).putInt(1).putInt(54).putInt(1).putInt(2712).putInt(100);
        return tiff.array();
    }

    private static byte[] segment(int marker, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xFF);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Whether {@code text} occurs in {@code bytes} (as ISO-8859-1). */
    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** Where {@code needle} first occurs in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
