package com.nimbus.identity.document.page;

import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.DocumentTooLarge;
import com.nimbus.identity.document.DocumentTypeUnsupported;
import com.nimbus.identity.vocabulary.DomainException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.ScratchFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * PDF document parts, with Apache PDFBox. At submission a PDF is parsed and checked, never rendered
 * ({@link #inspect}); the automated checks and the reviewer's form render its pages at a bounded size
 * ({@link #render}).
 * <p>
 * Refused at submission, each with SPEC's code: an encrypted PDF, one with scripts or actions that run by
 * themselves (JavaScript, launch, form submission, additional actions, XFA), and, as {@code DOCUMENT_TOO_LARGE},
 * a decompression bomb: a page larger than PDF allows (200 inches a side), an image declaring more pixels than any
 * photo may have ({@code identity.checks.photo.max-pixels}, {@code max-side}), or streams that decompress to more
 * than {@code identity.documents.pages.pdf.max-decompressed} in all. The streams are decompressed into a counter,
 * never into memory, and the count stops at the budget. JPEG, JPEG 2000, fax and JBIG2 images are not decompressed
 * here: their declared size bounds what rendering them takes.
 */
@Component
public class PdfDocuments {

    /** PDF's own limit of a page side: 14,400 units of 1/72 inch, 200 inches. */
    static final float MAX_PAGE_SIDE_POINTS = 14_400f;
    private static final Set<String> IMAGE_CODECS = Set.of("DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF",
            "JBIG2Decode");
    private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "SubmitForm", "ImportData",
            "RichMediaExecute", "Rendition");
    private static final int MAX_NESTING = 64;

    private final DocumentChecksProperties.Photo photo;
    private final DocumentPagesProperties.Pdf settings;

    public PdfDocuments(DocumentChecksProperties checks, DocumentPagesProperties pages) {
        this.photo = checks.photo();
        this.settings = pages.pdf();
    }

    /**
     * Checks a PDF part before anything is stored and counts its pages; throws {@link DocumentTypeUnsupported} or
     * {@link DocumentTooLarge} naming the part ({@code part}, from 1) when it is refused.
     */
    public int inspect(byte[] pdf, int part) {
        return inspect(pdf, part, false).pages();
    }

    /** A PDF part that {@link #inspectAndClean} accepted: its page count and the file without its metadata. */
    public record Inspected(int pages, byte[] content) {
    }

    /**
     * As {@link #inspect(byte[], int)}, and returns the PDF without its metadata: the document information dictionary
     * (author, title, producer, dates and the like) and every XMP metadata stream are dropped, the rest is kept.
     */
    public Inspected inspectAndClean(byte[] pdf, int part) {
        return inspect(pdf, part, true);
    }

    private Inspected inspect(byte[] pdf, int part, boolean clean) {
        try (PDDocument document = open(pdf)) {
            if (document.isEncrypted()) {
                throw encrypted(part);
            }
            Budget budget = new Budget(settings.maxDecompressed().toBytes());
            for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
                COSObject object = document.getDocument().getObjectFromPool(key);
                COSBase value = object == null ? null : object.getObject();
                if (value != null) {
                    inspectObject(value, part, budget, 0);
                }
            }
            inspectObject(document.getDocument().getTrailer(), part, budget, 0);
            int pages = document.getNumberOfPages();
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                float unit = page.getUserUnit();
                if (box.getWidth() * unit > MAX_PAGE_SIDE_POINTS || box.getHeight() * unit > MAX_PAGE_SIDE_POINTS) {
                    throw new DocumentTooLarge(String.format(Locale.ROOT,
                            "Document part %d has a page of %.0f x %.0f inches, larger than PDF allows.", part,
                            box.getWidth() * unit / 72, box.getHeight() * unit / 72));
                }
            }
            return new Inspected(pages, clean ? withoutMetadata(document) : pdf);
        } catch (InvalidPasswordException e) {
            throw encrypted(part);
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            if (exceedsBudget(e)) {
                throw new DocumentTooLarge(String.format(Locale.ROOT,
                        "Document part %d is a PDF whose content decompresses to more than %d MiB.", part,
                        settings.maxDecompressed().toMegabytes()));
            }
            DocumentTypeUnsupported unreadable = new DocumentTypeUnsupported("Document part " + part
                    + " is not a readable PDF file.");
            unreadable.initCause(e);
            throw unreadable;
        }
    }

    private static byte[] withoutMetadata(PDDocument document) throws IOException {
        document.getDocument().getTrailer().removeItem(COSName.INFO);
        document.getDocumentCatalog().getCOSObject().removeItem(COSName.METADATA);
        for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            if (object != null && object.getObject() instanceof COSDictionary dictionary
                    && dictionary.getDictionaryObject(COSName.METADATA) instanceof COSStream metadata
                    && COSName.getPDFName("XML").equals(metadata.getCOSName(COSName.SUBTYPE))) {
                dictionary.removeItem(COSName.METADATA);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    private static boolean exceedsBudget(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BudgetExceeded) {
                return true;
            }
        }
        return false;
    }

    /** Opens a PDF (one that {@link #inspect} accepted) to render its pages; the caller closes it. */
    PDDocument open(byte[] pdf) throws IOException {
        long memory = settings.maxDecompressed().toBytes();
        return Loader.loadPDF(pdf, "", null, null,
                () -> new ScratchFile(MemoryUsageSetting.setupMainMemoryOnly(memory)));
    }

    /**
     * Page {@code page} (from 1) at {@code identity.documents.pages.pdf.render-dpi}, scaled down so that its longer
     * side has at most {@code max-render-side} pixels and the whole at most {@code identity.checks.photo.max-pixels}.
     */
    BufferedImage render(PDDocument document, int page) throws IOException {
        PDRectangle box = document.getPage(page - 1).getCropBox();
        float longSide = Math.max(box.getWidth(), box.getHeight());
        float shortSide = Math.min(box.getWidth(), box.getHeight());
        if (longSide <= 0 || shortSide <= 0) {
            throw new IOException("page " + page + " has no area");
        }
        float scale = settings.renderDpi() / 72f;
        scale = Math.min(scale, settings.maxRenderSide() / longSide);
        scale = (float) Math.min(scale, Math.sqrt(photo.maxPixels() / ((double) longSide * shortSide)));
        PDFRenderer renderer = new PDFRenderer(document);
        renderer.setSubsamplingAllowed(true);
        return renderer.renderImage(page - 1, scale, ImageType.RGB);
    }

    private void inspectObject(COSBase value, int part, Budget budget, int depth) throws IOException {
        if (depth > MAX_NESTING) {
            throw new IOException("objects nested deeper than " + MAX_NESTING);
        }
        if (value instanceof COSDictionary dictionary) {
            inspectDictionary(dictionary, part, budget, depth);
        } else if (value instanceof COSArray array) {
            for (COSBase item : array) {
                if (!(item instanceof COSObject)) {
                    inspectObject(item, part, budget, depth + 1);
                }
            }
        }
    }

    private void inspectDictionary(COSDictionary dictionary, int part, Budget budget, int depth) throws IOException {
        if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)
                || dictionary.containsKey(COSName.AA) || dictionary.containsKey(COSName.getPDFName("XFA"))
                || ACTIVE_ACTIONS.contains(String.valueOf(dictionary.getNameAsString(COSName.S)))
                || dictionary.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary action
                && !"GoTo".equals(action.getNameAsString(COSName.S))) {
            throw new DocumentTypeUnsupported("Document part " + part + " is a PDF with scripts or actions that run by "
                    + "themselves; send a PDF of the document's pages only.");
        }
        if (dictionary instanceof COSStream stream) {
            inspectStream(stream, part, budget);
        }
        for (COSBase item : dictionary.getValues()) {
            if (!(item instanceof COSObject)) {
                inspectObject(item, part, budget, depth + 1);
            }
        }
    }

    private void inspectStream(COSStream stream, int part, Budget budget) throws IOException {
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            long width = stream.getLong(COSName.WIDTH, stream.getLong(COSName.W, 0));
            long height = stream.getLong(COSName.HEIGHT, stream.getLong(COSName.H, 0));
            if (width > photo.maxSide() || height > photo.maxSide() || width * height > photo.maxPixels()) {
                throw new DocumentTooLarge(String.format(Locale.ROOT,
                        "Document part %d is a PDF with an image of %d x %d px, beyond any document photo.", part,
                        width, height));
            }
        }
        List<COSName> filters = filters(stream.getFilters());
        if (filters.isEmpty() || filters.stream().anyMatch(f -> IMAGE_CODECS.contains(f.getName()))) {
            return;
        }
        byte[] data = null;
        for (int i = 0; i < filters.size(); i++) {
            boolean last = i == filters.size() - 1;
            try (InputStream in = data == null ? stream.createRawInputStream() : new ByteArrayInputStream(data)) {
                OutputStream out = last ? budget.counter() : budget.buffer();
                FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, out, stream, i);
                data = last ? null : ((Budget.Buffer) out).toByteArray();
            }
        }
    }

    private static List<COSName> filters(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                if (item instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static DocumentTypeUnsupported encrypted(int part) {
        return new DocumentTypeUnsupported("Document part " + part
                + " is an encrypted PDF; send it without encryption or password.");
    }

    /** What all streams of one PDF may decompress to in all; counting beyond it throws {@link BudgetExceeded}. */
    private static final class Budget {

        private long left;

        Budget(long bytes) {
            this.left = bytes;
        }

        void take(long bytes) throws BudgetExceeded {
            left -= bytes;
            if (left < 0) {
                throw new BudgetExceeded();
            }
        }

        /** Counts what is written and keeps none of it. */
        OutputStream counter() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    take(1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    take(len);
                }
            };
        }

        /** Keeps what is written (a stage between two filters), counting it. */
        Buffer buffer() {
            return new Buffer();
        }

        final class Buffer extends ByteArrayOutputStream {
            @Override
            public void write(int b) {
                count(1);
                super.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count(len);
                super.write(b, off, len);
            }

            private void count(int bytes) {
                try {
                    take(bytes);
                } catch (BudgetExceeded e) {
                    throw new BudgetExceededUnchecked(e);
                }
            }
        }
    }

    private static final class BudgetExceeded extends IOException {
    }

    private static final class BudgetExceededUnchecked extends RuntimeException {
        BudgetExceededUnchecked(BudgetExceeded cause) {
            super(cause);
        }
    }
}
