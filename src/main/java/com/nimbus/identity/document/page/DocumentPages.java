package com.nimbus.identity.document.page;

import com.nimbus.identity.document.DocumentFormat;
import com.nimbus.identity.document.DocumentTooLarge;
import com.nimbus.identity.document.DocumentTypeUnsupported;
import com.nimbus.identity.document.photo.DecodeSlots;
import com.nimbus.identity.document.photo.PhotoAnalyser;
import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.document.photo.UprightPhoto;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages of an application's document: one to four uploaded files (JPEG, PNG or PDF, each at most 10 MiB), at
 * most four pages in all. The files are encrypted here, by {@link FieldCipher}, and kept as objects of the
 * {@link DocumentStore}; the database keeps one row per page with the object's key, the key id, a keyed hash and,
 * once measured, the page's fingerprint.
 * <p>
 * The submission only checks the parts (count, size, format by their bytes, a PDF's structure) and stores them;
 * nothing is decoded then. The automated checks decode every page once ({@link #analyse}), at most
 * {@code identity.documents.pages.max-concurrent-decodes} at a time on a node ({@link DecodeSlots}); a photo page
 * not yet re-encoded is decoded whole then, turned upright and encoded again from its pixels, and its object replaced
 * ({@link UprightPhoto}): once per page, a re-run of the checks only measures it.
 */
@Service
public class DocumentPages {

    private static final Logger log = LoggerFactory.getLogger(DocumentPages.class);

    /** SPEC: each document part is at most 10 MiB. */
    public static final int MAX_PART_BYTES = 10 * 1024 * 1024;
    /** SPEC: one to four parts, and a PDF counts its pages: at most four pages in all. */
    public static final int MAX_PAGES = 4;
    /** Every object this service writes has a key under this prefix. */
    static final String OBJECT_PREFIX = "applications/";

    private final PageRepository pages;
    private final DocumentStore store;
    private final FieldCipher cipher;
    private final PdfDocuments pdfs;
    private final PhotoAnalyser analyser;
    private final DecodeSlots slots;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    DocumentPages(PageRepository pages, DocumentStore store, FieldCipher cipher, PdfDocuments pdfs,
                  PhotoAnalyser analyser, DecodeSlots slots, Clock clock, PlatformTransactionManager transactions) {
        this.pages = pages;
        this.store = store;
        this.cipher = cipher;
        this.pdfs = pdfs;
        this.analyser = analyser;
        this.slots = slots;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The document parts of a submission, checked and ready to store. */
    public record AcceptedDocument(List<Part> parts) {

        public int pageCount() {
            return parts.stream().mapToInt(Part::pages).sum();
        }
    }

    /** One uploaded file: its position (from 1), its format, its bytes and how many pages it has. */
    public record Part(int number, DocumentFormat format, byte[] content, int pages) {
    }

    /** A page as the reviewer's browser shows it: a photo as stored (without metadata), a PDF page rendered to PNG. */
    public record PageImage(String contentType, byte[] content) {
    }

    /**
     * Checks the {@code document} parts of a submission before anything is stored: 1 to 4 parts
     * ({@link ValidationFailed} on {@code document}), each at most 10 MiB ({@link DocumentTooLarge}), a JPEG, PNG or
     * PDF by its bytes ({@link DocumentTypeUnsupported}), a PDF as {@link PdfDocuments#inspect} requires, and at most
     * four pages in all ({@link ValidationFailed}). A photo's metadata is removed here ({@link ImageMetadata}), so that
     * the uploaded bytes themselves are never stored; a PDF loses its document information and XMP metadata
     * ({@link PdfDocuments#inspectAndClean}). Nothing is decoded.
     */
    public AcceptedDocument accept(List<byte[]> uploaded) {
        if (uploaded == null || uploaded.isEmpty()) {
            throw ValidationFailed.of("document", "At least one document part is required.");
        }
        if (uploaded.size() > MAX_PAGES) {
            throw ValidationFailed.of("document", "At most " + MAX_PAGES + " document parts may be sent; "
                    + uploaded.size() + " were.");
        }
        List<Part> parts = new ArrayList<>();
        int pageCount = 0;
        for (int i = 0; i < uploaded.size(); i++) {
            int number = i + 1;
            byte[] content = uploaded.get(i) == null ? new byte[0] : uploaded.get(i);
            if (content.length > MAX_PART_BYTES) {
                throw new DocumentTooLarge(uploaded.size() == 1 ? DocumentTooLarge.DETAIL
                        : "Document part " + number + " is larger than 10 MiB.");
            }
            DocumentFormat format = DocumentFormat.sniff(content).orElseThrow(() -> new DocumentTypeUnsupported(
                    uploaded.size() == 1 ? DocumentTypeUnsupported.DETAIL
                            : "Document part " + number + " is not a JPEG, PNG or PDF file."));
            PdfDocuments.Inspected pdf = format.isImage() ? null : pdfs.inspectAndClean(content, number);
            int partPages = pdf == null ? 1 : pdf.pages();
            if (partPages < 1) {
                throw ValidationFailed.of("document", "Document part " + number + " is a PDF without pages.");
            }
            pageCount += partPages;
            if (pageCount > MAX_PAGES) {
                throw ValidationFailed.of("document", "At most " + MAX_PAGES + " pages may be sent in all; part "
                        + number + (format.isImage() ? "" : ", a PDF of " + partPages + " pages,") + " goes beyond.");
            }
            parts.add(new Part(number, format, pdf == null ? ImageMetadata.strip(format, content) : pdf.content(),
                    partPages));
        }
        return new AcceptedDocument(List.copyOf(parts));
    }

    /**
     * Encrypts each part, writes it to the document store and records its pages, in the caller's transaction. The
     * objects are written first: a store that cannot be reached fails the submission before any row is written. When
     * the transaction rolls back after that, the objects stay behind without a page that names them, until
     * {@link OrphanedObjects} removes them.
     */
    public void store(String applicationId, String accountId, AcceptedDocument document) {
        List<PageRepository.NewPage> rows = new ArrayList<>(document.pageCount());
        String keyId = cipher.keyId();
        int pageNo = 1;
        for (Part part : document.parts()) {
            String key = OBJECT_PREFIX + applicationId + "/part-" + part.number() + "-" + UUID.randomUUID();
            store.put(key, cipher.encrypt(part.content(), applicationId));
            String hmac = cipher.fingerprint(part.content());
            for (int sourcePage = 1; sourcePage <= part.pages(); sourcePage++) {
                rows.add(new PageRepository.NewPage(applicationId, pageNo++, accountId, key, sourcePage, part.format(),
                        part.content().length, hmac, keyId, clock.instant()));
            }
        }
        pages.insert(rows);
        log.debug("Application {}: {} page(s) in {} object(s) stored", applicationId, rows.size(),
                document.parts().size());
    }

    /**
     * Replaces the application's pages with {@code document}, in the caller's transaction: the new objects are
     * written and recorded, the old pages' rows deleted, and once the transaction commits the old objects are
     * deleted from the store (an object left behind by a failure then is removed by {@link OrphanedObjects}, as no
     * page names it any more). On a rollback the new objects are the orphans.
     */
    public void replace(String applicationId, String accountId, AcceptedDocument document) {
        List<String> oldKeys = pages.pagesOf(applicationId).stream().map(StoredPage::objectKey).distinct().toList();
        pages.deleteOf(applicationId);
        store(applicationId, accountId, document);
        Runnable deleteOld = () -> oldKeys.forEach(key -> {
            try {
                store.delete(key);
            } catch (RuntimeException e) {
                log.warn("Replaced object {} of application {} could not be deleted now ({}); the orphan sweep will",
                        key, applicationId, e.toString());
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteOld.run();
                }
            });
        } else {
            deleteOld.run();
        }
        log.debug("Application {}: {} old object(s) replaced by {} page(s)", applicationId, oldKeys.size(),
                document.pageCount());
    }

    /** How many pages the application's document has (0 when it has none). */
    public int pageCount(String applicationId) {
        return pages.count(applicationId);
    }

    /** Page {@code pageNo} (from 1) for the reviewer's eyes, decrypted; empty when there is no such page. */
    public Optional<PageImage> page(String applicationId, int pageNo) {
        return pages.page(applicationId, pageNo).map(page -> {
            byte[] file = cipher.decrypt(store.get(page.objectKey()), applicationId);
            if (page.format().isImage()) {
                return new PageImage(page.format().mediaType(), file);
            }
            return slots.run(() -> {
                try (PDDocument pdf = pdfs.open(file)) {
                    return new PageImage("image/png", png(pdfs.render(pdf, page.sourcePage())));
                } catch (IOException e) {
                    throw new UncheckedIOException("page " + pageNo + " of application " + applicationId
                            + " could not be rendered", e);
                }
            });
        });
    }

    /**
     * Decodes every page of the application once, in page order, and measures it; records each readable page's
     * fingerprint (in a transaction of its own, committed before this returns, so that an application checked at the
     * same moment on another node finds it). An application without pages gets no measures.
     */
    public List<PhotoAnalysis> analyse(String applicationId) {
        List<StoredPage> stored = pages.pagesOf(applicationId);
        Map<String, byte[]> files = new HashMap<>();
        Map<String, Optional<PDDocument>> openPdfs = new HashMap<>();
        Map<StoredPage, byte[]> reencoded = new LinkedHashMap<>();
        List<PhotoAnalysis> analyses = new ArrayList<>(stored.size());
        try {
            for (StoredPage page : stored) {
                byte[] file = files.computeIfAbsent(page.objectKey(), key -> cipher.decrypt(store.get(key), applicationId));
                if (page.format().isImage() && page.reencoded()) {
                    analyses.add(slots.run(() -> analyser.analyse(file)));
                } else if (page.format().isImage()) {
                    Reencoded result = slots.run(() -> reencode(page, file));
                    analyses.add(result.analysis());
                    if (result.file() != null) {
                        reencoded.put(page, result.file());
                    }
                } else {
                    Optional<PDDocument> pdf = openPdfs.computeIfAbsent(page.objectKey(), key -> openQuietly(file));
                    analyses.add(pdf.map(document -> slots.run(() -> renderAndAnalyse(document, page)))
                            .orElseGet(() -> PhotoAnalysis.unreadable(DocumentFormat.PDF, 0, 0, "the PDF could not be read")));
                }
            }
        } finally {
            openPdfs.values().forEach(pdf -> pdf.ifPresent(DocumentPages::closeQuietly));
        }
        Map<Integer, Long> fingerprints = new LinkedHashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            if (analyses.get(i).readable()) {
                fingerprints.put(stored.get(i).pageNo(), analyses.get(i).fingerprint());
            }
        }
        if (!fingerprints.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> pages.recordFingerprints(applicationId, fingerprints));
        }
        reencoded.forEach(this::replaceObject);
        return analyses;
    }

    private record Reencoded(PhotoAnalysis analysis, byte[] file) {
    }

    /**
     * Decodes a photo page whole, turns it upright and encodes it again from its pixels (see {@link UprightPhoto});
     * the file is null when the photo could not be decoded or encoded (it then stays as it was cleaned at submission).
     */
    private Reencoded reencode(StoredPage page, byte[] file) {
        PhotoAnalyser.Upright upright = analyser.decodeUpright(file, ImageMetadata.orientation(page.format(), file));
        if (upright.image() == null) {
            return new Reencoded(upright.analysis(), null);
        }
        try {
            return new Reencoded(upright.analysis(), UprightPhoto.encode(upright.image(), page.format()));
        } catch (IOException | RuntimeException e) {
            log.warn("Page {} of application {} could not be encoded again: {}", page.pageNo(), page.applicationId(),
                    e.toString());
            return new Reencoded(upright.analysis(), null);
        }
    }

    /**
     * Stores a re-encoded photo as a new object, encrypted for the application, points the page at it (in a
     * transaction of its own) and deletes the object it replaces. When the page changed meanwhile (the document was
     * replaced), the new object is deleted instead; an object a failure leaves behind is removed by
     * {@link OrphanedObjects}, as no page names it.
     */
    private void replaceObject(StoredPage page, byte[] file) {
        String applicationId = page.applicationId();
        String key = OBJECT_PREFIX + applicationId + "/page-" + page.pageNo() + "-" + UUID.randomUUID();
        store.put(key, cipher.encrypt(file, applicationId));
        Boolean recorded = ownTransaction.execute(status -> pages.recordReencoded(applicationId, page.pageNo(),
                page.objectKey(), key, file.length, cipher.fingerprint(file), cipher.keyId(), clock.instant()));
        String obsolete = Boolean.TRUE.equals(recorded) ? page.objectKey() : key;
        try {
            store.delete(obsolete);
        } catch (RuntimeException e) {
            log.warn("Object {} of application {} could not be deleted now ({}); the orphan sweep will", obsolete,
                    applicationId, e.toString());
        }
        log.debug("Application {}: page {} encoded again from its pixels ({} bytes)", applicationId, page.pageNo(),
                file.length);
    }

    private PhotoAnalysis renderAndAnalyse(PDDocument pdf, StoredPage page) {
        try {
            return analyser.analyse(pdfs.render(pdf, page.sourcePage()), DocumentFormat.PDF);
        } catch (IOException | RuntimeException e) {
            log.debug("Page {} of application {} could not be rendered: {}", page.pageNo(), page.applicationId(),
                    e.toString());
            return PhotoAnalysis.unreadable(DocumentFormat.PDF, 0, 0,
                    "page " + page.sourcePage() + " of the PDF could not be rendered");
        }
    }

    private Optional<PDDocument> openQuietly(byte[] file) {
        try {
            return Optional.of(pdfs.open(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(PDDocument pdf) {
        try {
            pdf.close();
        } catch (IOException ignored) {
            // only memory to release
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
