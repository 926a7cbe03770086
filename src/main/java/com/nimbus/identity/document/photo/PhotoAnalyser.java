package com.nimbus.identity.document.photo;

import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.DocumentFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Measures one page of a document: size, sharpness, fingerprint.
 * <p>
 * A photo's dimensions are read from its header first (PNG's IHDR, JPEG's frame header) and a photo beyond
 * {@code identity.checks.photo.max-pixels} or {@code max-side} is refused before a single pixel is decoded,
 * so that a small file declaring a gigantic image (a decompression bomb) cannot exhaust memory. Large photos
 * are decoded subsampled, at most about four times the analysis size a side. A PDF page arrives already
 * rendered, at a bounded size.
 * <p>
 * Each page is decoded once by whoever calls this (the automated checks decode every page of an application
 * once and hand the measures to every check); how many decode at the same time is bounded by {@link DecodeSlots}.
 */
@Component
public class PhotoAnalyser {

    private static final Logger log = LoggerFactory.getLogger(PhotoAnalyser.class);

    private final DocumentChecksProperties.Photo settings;

    public PhotoAnalyser(DocumentChecksProperties properties) {
        this.settings = properties.photo();
    }

    /** A photo decoded whole and turned upright, with its measures; {@code image} is null when it was unreadable. */
    public record Upright(PhotoAnalysis analysis, BufferedImage image) {
    }

    /** Decodes a JPEG or PNG file and measures it. */
    public PhotoAnalysis analyse(byte[] photo) {
        return decode(photo, 1, false).analysis();
    }

    /**
     * Decodes a JPEG or PNG file whole (never subsampled: its pixels are to be encoded again), turns it as the EXIF
     * {@code orientation} says ({@link UprightPhoto#turn}) and measures the upright pixels, so that the measures are
     * those of the page once it is encoded again. The same size limits as {@link #analyse(byte[])} apply.
     */
    public Upright decodeUpright(byte[] photo, int orientation) {
        return decode(photo, orientation, true);
    }

    private Upright decode(byte[] photo, int orientation, boolean whole) {
        if (photo == null || photo.length == 0) {
            return new Upright(PhotoAnalysis.unreadable(null, 0, 0, "no photo"), null);
        }
        Optional<DocumentFormat> sniffed = DocumentFormat.sniff(photo).filter(DocumentFormat::isImage);
        if (sniffed.isEmpty()) {
            return new Upright(PhotoAnalysis.unreadable(null, 0, 0, "not a JPEG or PNG file"), null);
        }
        DocumentFormat format = sniffed.get();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format == DocumentFormat.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            return new Upright(PhotoAnalysis.unreadable(format, 0, 0, "no decoder for " + format), null);
        }
        ImageReader reader = readers.next();
        int width = 0;
        int height = 0;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(photo))) {
            reader.setInput(in, true, true);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                return new Upright(PhotoAnalysis.unreadable(format, 0, 0, "the header declares no image size"), null);
            }
            if ((long) width * height > settings.maxPixels() || Math.max(width, height) > settings.maxSide()) {
                return new Upright(PhotoAnalysis.unreadable(format, width, height, String.format(
                        "the header declares %d x %d px, beyond any document photo (at most %d px a side and %.0f MP): "
                                + "refused without decoding", width, height, settings.maxSide(),
                        settings.maxPixels() / 1e6)), null);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.max(width, height) / (4.0 * settings.analysisSide()));
            if (step > 1 && !whole) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = UprightPhoto.turn(reader.read(0, param), orientation);
            int shownWidth = orientation >= 5 && orientation <= 8 ? height : width;
            int shownHeight = orientation >= 5 && orientation <= 8 ? width : height;
            return new Upright(measure(format, shownWidth, shownHeight, image), whole ? image : null);
        } catch (IOException | RuntimeException e) {
            log.debug("A {} photo could not be decoded: {}", format, e.toString());
            return new Upright(PhotoAnalysis.unreadable(format, width, height,
                    "the " + format + " data could not be decoded"), null);
        } finally {
            reader.dispose();
        }
    }

    /** Measures a page that is decoded already: a PDF page rendered to an image. */
    public PhotoAnalysis analyse(BufferedImage page, DocumentFormat format) {
        return measure(format, page.getWidth(), page.getHeight(), page);
    }

    private PhotoAnalysis measure(DocumentFormat format, int width, int height, BufferedImage image) {
        GreyImage grey = GreyImage.of(image, settings.analysisSide());
        return PhotoAnalysis.decoded(format, width, height, grey.laplacianVariance(), PhotoFingerprint.of(grey));
    }
}
