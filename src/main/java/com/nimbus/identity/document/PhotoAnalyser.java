package com.nimbus.identity.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decodes a document photo once and measures it: size, sharpness, fingerprint.
 * <p>
 * A photo's dimensions are read from its header first (PNG's IHDR, JPEG's frame header) and a photo beyond
 * {@code identity.checks.photo.max-pixels} or {@code max-side} is refused before a single pixel is decoded,
 * so that a small file declaring a gigantic image (a decompression bomb) cannot exhaust memory. Large photos
 * are decoded subsampled, at most about four times the analysis size a side.
 * <p>
 * The automated checks of one application ask about the same photo several times; the analysis is kept
 * for as long as the photo's byte array is in use (weakly, by identity), so it is decoded once.
 */
@Component
public class PhotoAnalyser {

    private static final Logger log = LoggerFactory.getLogger(PhotoAnalyser.class);

    private final DocumentChecksProperties.Photo settings;
    private final Map<byte[], PhotoAnalysis> recent = Collections.synchronizedMap(new WeakHashMap<>());

    public PhotoAnalyser(DocumentChecksProperties properties) {
        this.settings = properties.photo();
    }

    public PhotoAnalysis analyse(byte[] photo) {
        if (photo == null || photo.length == 0) {
            return PhotoAnalysis.unreadable(null, 0, 0, "no photo");
        }
        PhotoAnalysis known = recent.get(photo);
        if (known != null) {
            return known;
        }
        PhotoAnalysis analysis = decode(photo);
        recent.put(photo, analysis);
        return analysis;
    }

    private PhotoAnalysis decode(byte[] photo) {
        Optional<ImageFormat> sniffed = ImageFormat.sniff(photo);
        if (sniffed.isEmpty()) {
            return PhotoAnalysis.unreadable(null, 0, 0, "not a JPEG or PNG file");
        }
        ImageFormat format = sniffed.get();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format == ImageFormat.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            return PhotoAnalysis.unreadable(format, 0, 0, "no decoder for " + format);
        }
        ImageReader reader = readers.next();
        int width = 0;
        int height = 0;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(photo))) {
            reader.setInput(in, true, true);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                return PhotoAnalysis.unreadable(format, 0, 0, "the header declares no image size");
            }
            if ((long) width * height > settings.maxPixels() || Math.max(width, height) > settings.maxSide()) {
                return PhotoAnalysis.unreadable(format, width, height, String.format(
                        "the header declares %d x %d px, beyond any document photo (at most %d px a side and %.0f MP): "
                                + "refused without decoding", width, height, settings.maxSide(),
                        settings.maxPixels() / 1e6));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.max(width, height) / (4.0 * settings.analysisSide()));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            GreyImage grey = GreyImage.of(image, settings.analysisSide());
            return PhotoAnalysis.decoded(format, width, height, grey.laplacianVariance(), PhotoFingerprint.of(grey));
        } catch (IOException | RuntimeException e) {
            log.debug("A {} photo could not be decoded: {}", format, e.toString());
            return PhotoAnalysis.unreadable(format, width, height, "the " + format + " data could not be decoded");
        } finally {
            reader.dispose();
        }
    }
}
