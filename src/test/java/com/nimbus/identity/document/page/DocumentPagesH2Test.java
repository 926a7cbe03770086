package com.nimbus.identity.document.page;

import static com.nimbus.identity.support.PhotosWithMetadata.indexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.DocumentFormat;
import com.nimbus.identity.document.DocumentTooLarge;
import com.nimbus.identity.document.DocumentTypeUnsupported;
import com.nimbus.identity.document.photo.DecodeSlots;
import com.nimbus.identity.document.photo.PhotoAnalyser;
import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.document.photo.PhotoFingerprint;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.document.store.DocumentStoreUnavailable;
import com.nimbus.identity.document.store.FileSystemDocumentStore;
import com.nimbus.identity.security.CryptoProperties;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.PhotosWithMetadata;
import com.nimbus.identity.support.Settings;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.TestPdfs;
import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The pages of a document on the embedded default: H2 with the application's migrations and the filesystem store,
 * the real SQL, cipher, PDF handling and photo analysis.
 */
class DocumentPagesH2Test {

    @TempDir Path directory;

    private JdbcTemplate jdbc;
    private FileSystemDocumentStore store;
    private final FieldCipher cipher = new FieldCipher(new CryptoProperties(Base64.getEncoder().encodeToString(new byte[32])));
    private final DocumentPagesProperties settings = Settings.bound(DocumentPagesProperties.class);
    private final Clock clock = Clock.fixed(Instant.parse("2025-11-01T10:00:00Z"), ZoneOffset.UTC);
    private DecodeSlots slots;
    private DocumentPages pages;
    private String accountId;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = PageTables.h2("pages");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new FileSystemDocumentStore(directory);
        slots = new DecodeSlots(2);
        pages = pages(store, slots);
        accountId = PageTables.account(jdbc);
    }

    private DocumentPages pages(DocumentStore documentStore, DecodeSlots decodeSlots) {
        return new DocumentPages(new PageRepository(jdbc), documentStore, cipher,
                new PdfDocuments(ConfiguredChecks.properties(), settings), new PhotoAnalyser(ConfiguredChecks.properties()),
                decodeSlots, clock, new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    @AfterEach
    void shutdown() {
        jdbc.execute("shutdown");
    }

    private String submitted(byte[]... parts) {
        String applicationId = PageTables.application(jdbc, accountId);
        pages.store(applicationId, accountId, pages.accept(List.of(parts)));
        return applicationId;
    }

    private List<String> fieldsOf(ValidationFailed failure) {
        return failure.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aJpegWithGpsExifIsStoredAndServedWithoutItsMetadata() throws Exception {
        byte[] sent = PhotosWithMetadata.jpegWithGps();

        String applicationId = submitted(sent);

        StoredPage stored = new PageRepository(jdbc).pagesOf(applicationId).get(0);
        byte[] object = cipher.decrypt(store.get(stored.objectKey()), applicationId);
        byte[] served = pages.page(applicationId, 1).orElseThrow().content();
        for (byte[] kept : List.of(object, served)) {
            assertThat(PhotosWithMetadata.contains(kept, PhotosWithMetadata.DEVICE)).isFalse();
            assertThat(PhotosWithMetadata.contains(kept, "GPSLatitude")).isFalse();
            assertThat(PhotosWithMetadata.contains(kept, PhotosWithMetadata.COMMENT)).isFalse();
            assertThat(ImageIO.read(new ByteArrayInputStream(kept)).getWidth()).isEqualTo(1200);
        }
        assertThat(Files.readAllBytes(directory.resolve(stored.objectKey()))).as("nothing of the sent bytes in the store")
                .isNotEqualTo(sent);
        assertThat(stored.sizeBytes()).isLessThan(sent.length);
        assertThat(stored.contentHmac()).isEqualTo(cipher.fingerprint(object));
    }

    @Test
    void theChecksStoreAJpegWithOrientationSixUprightFromItsPixelsWithoutAnyExifOnce() throws Exception {
        byte[] sent = PhotosWithMetadata.jpegWithGps();
        BufferedImage sentPixels = ImageIO.read(new ByteArrayInputStream(sent));
        String applicationId = submitted(sent);
        StoredPage submittedPage = new PageRepository(jdbc).pagesOf(applicationId).get(0);
        assertThat(submittedPage.reencoded()).isFalse();

        PhotoAnalysis analysis = pages.analyse(applicationId).get(0);

        StoredPage stored = new PageRepository(jdbc).pagesOf(applicationId).get(0);
        assertThat(stored.reencoded()).isTrue();
        assertThat(stored.objectKey()).isNotEqualTo(submittedPage.objectKey())
                .startsWith("applications/" + applicationId + "/");
        assertThat(directory.resolve(submittedPage.objectKey())).as("the object it replaces is deleted").doesNotExist();
        byte[] object = cipher.decrypt(store.get(stored.objectKey()), applicationId);
        byte[] served = pages.page(applicationId, 1).orElseThrow().content();
        assertThat(served).isEqualTo(object);
        assertThat(DocumentFormat.sniff(object)).contains(DocumentFormat.JPEG);
        assertThat(segmentsBeforeTheImage(object)).as("no EXIF, XMP or comment segment at all")
                .doesNotContain(0xE1, 0xFE).allMatch(marker -> marker < 0xE1 || marker > 0xEF);
        assertThat(ImageMetadata.orientation(DocumentFormat.JPEG, object)).isEqualTo(1);
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(object));
        assertThat(upright.getWidth()).isEqualTo(sentPixels.getHeight());
        assertThat(upright.getHeight()).isEqualTo(sentPixels.getWidth());
        assertThat(greyDifference(upright, com.nimbus.identity.document.photo.UprightPhoto.turn(sentPixels, 6)))
                .as("turned a quarter clockwise").isLessThan(4);
        assertThat(stored.sizeBytes()).isEqualTo(object.length);
        assertThat(stored.contentHmac()).isEqualTo(cipher.fingerprint(object));
        assertThat(stored.keyId()).isEqualTo(cipher.keyId());
        assertThat(analysis.width()).isEqualTo(upright.getWidth());
        assertThat(stored.fingerprint()).isEqualTo(analysis.fingerprint());

        PhotoAnalysis again = pages.analyse(applicationId).get(0);

        StoredPage rerun = new PageRepository(jdbc).pagesOf(applicationId).get(0);
        assertThat(rerun.objectKey()).as("encoded again once only").isEqualTo(stored.objectKey());
        assertThat(cipher.decrypt(store.get(rerun.objectKey()), applicationId)).isEqualTo(object);
        assertThat(PhotoFingerprint.distance(again.fingerprint(), analysis.fingerprint())).isLessThanOrEqualTo(2);
        assertThat(again.blurScore()).isCloseTo(analysis.blurScore(),
                org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void aPdfIsStoredWithoutItsDocumentInformationAndXmp() throws Exception {
        byte[] sent = TestPdfs.withMetadata();
        assertThat(PhotosWithMetadata.contains(sent, TestPdfs.AUTHOR)).as("the test PDF has metadata").isTrue();
        assertThat(PhotosWithMetadata.contains(sent, TestPdfs.XMP_CREATOR_TOOL)).isTrue();

        String applicationId = submitted(sent);

        StoredPage stored = new PageRepository(jdbc).pagesOf(applicationId).get(0);
        byte[] object = cipher.decrypt(store.get(stored.objectKey()), applicationId);
        for (String metadata : List.of(TestPdfs.AUTHOR, TestPdfs.TITLE, TestPdfs.XMP_CREATOR_TOOL, "xmpmeta")) {
            assertThat(PhotosWithMetadata.contains(object, metadata)).as(metadata).isFalse();
        }
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(object)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getDocumentCatalog().getMetadata()).isNull();
            assertThat(pdf.getDocumentInformation().getAuthor()).isNull();
        }
        assertThat(stored.sizeBytes()).isEqualTo(object.length);
        assertThat(pages.page(applicationId, 1).orElseThrow().contentType()).isEqualTo("image/png");
    }

    @Test
    void acceptsOneToFourPartsOfAtMostFourPagesInAll() {
        assertThat(pages.accept(List.of(TestImages.documentPng())).pageCount()).isEqualTo(1);
        DocumentPages.AcceptedDocument mixed = pages.accept(List.of(TestImages.documentJpeg(), TestPdfs.scanOfPages(2),
                TestImages.documentPng()));
        assertThat(mixed.pageCount()).isEqualTo(4);
        assertThat(mixed.parts()).extracting(DocumentPages.Part::format)
                .containsExactly(DocumentFormat.JPEG, DocumentFormat.PDF, DocumentFormat.PNG);
        assertThat(mixed.parts()).extracting(DocumentPages.Part::pages).containsExactly(1, 2, 1);
    }

    @Test
    void refusesNoPartMoreThanFourPartsAndMoreThanFourPages() {
        assertThatThrownBy(() -> pages.accept(List.of())).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(fieldsOf(e)).containsExactly("document"));
        byte[] png = TestImages.documentPng();
        assertThatThrownBy(() -> pages.accept(List.of(png, png, png, png, png))).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("document",
                        "At most 4 document parts may be sent; 5 were.")));
        assertThat(pages.accept(List.of(png, TestPdfs.scanOfPages(3))).pageCount()).isEqualTo(4);
        assertThatThrownBy(() -> pages.accept(List.of(png, png, TestPdfs.scanOfPages(3))))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("document", "At most 4 pages may be sent in all; part 3, a PDF of 3 pages, goes beyond.")));
        assertThatThrownBy(() -> pages.accept(List.of(TestPdfs.scanOfPages(5)))).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> pages.accept(List.of(TestPdfs.noPages()))).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.errors().get(0).message()).isEqualTo("Document part 1 is a PDF without pages."));
    }

    @Test
    void refusesAPartOverTenMebibytesOrOfAnotherKindNamingThePart() {
        byte[] png = TestImages.documentPng();
        assertThatThrownBy(() -> pages.accept(List.of(png, Arrays.copyOf(png, DocumentPages.MAX_PART_BYTES + 1))))
                .isInstanceOf(DocumentTooLarge.class).hasMessage("Document part 2 is larger than 10 MiB.");
        assertThat(pages.accept(List.of(Arrays.copyOf(png, DocumentPages.MAX_PART_BYTES))).pageCount()).isEqualTo(1);
        assertThatThrownBy(() -> pages.accept(List.of(png, png, "GIF89a......".getBytes())))
                .isInstanceOf(DocumentTypeUnsupported.class).hasMessage("Document part 3 is not a JPEG, PNG or PDF file.");
        assertThatThrownBy(() -> pages.accept(List.of(new byte[0]))).isInstanceOf(DocumentTypeUnsupported.class)
                .hasMessage(DocumentTypeUnsupported.DETAIL);
        assertThatThrownBy(() -> pages.accept(List.of(png, TestPdfs.withOpenActionScript())))
                .isInstanceOf(DocumentTypeUnsupported.class).hasMessageStartingWith("Document part 2 is a PDF with scripts");
    }

    @Test
    void storesEachFileEncryptedAsOneObjectAndOneRowPerPage() throws Exception {
        byte[] photo = TestImages.documentPng();
        byte[] pdf = TestPdfs.scanOfPages(2);
        String applicationId = submitted(photo, pdf);

        List<StoredPage> stored = new PageRepository(jdbc).pagesOf(applicationId);
        assertThat(stored).extracting(StoredPage::pageNo).containsExactly(1, 2, 3);
        assertThat(stored).extracting(StoredPage::sourcePage).containsExactly(1, 1, 2);
        assertThat(stored).extracting(StoredPage::format).containsExactly(DocumentFormat.PNG, DocumentFormat.PDF, DocumentFormat.PDF);
        assertThat(stored.get(1).objectKey()).isEqualTo(stored.get(2).objectKey()).isNotEqualTo(stored.get(0).objectKey());
        assertThat(stored).allSatisfy(page -> {
            assertThat(page.objectKey()).startsWith("applications/" + applicationId + "/part-");
            assertThat(page.keyId()).isEqualTo(cipher.keyId());
            assertThat(page.fingerprint()).as("nothing is decoded at submission").isNull();
        });
        assertThat(stored.get(0).sizeBytes()).isEqualTo(photo.length);
        assertThat(stored.get(0).contentHmac()).isEqualTo(cipher.fingerprint(photo)).hasSize(64);
        assertThat(slots.completed()).as("nothing is decoded at submission").isZero();

        byte[] object = Files.readAllBytes(directory.resolve(stored.get(0).objectKey()));
        assertThat(object).isNotEqualTo(photo);
        assertThat(indexOf(object, Arrays.copyOfRange(photo, 0, 16))).as("no plain bytes in the store").isNegative();
        assertThat(cipher.decrypt(object, applicationId)).isEqualTo(photo);
        try (org.apache.pdfbox.pdmodel.PDDocument kept = org.apache.pdfbox.Loader.loadPDF(
                cipher.decrypt(store.get(stored.get(1).objectKey()), applicationId))) {
            assertThat(kept.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_name = 'DOCUMENT_PAGE'",
                String.class)).doesNotContain("CONTENT", "CONTENT_ENC");
        assertThat(pages.pageCount(applicationId)).isEqualTo(3);
    }

    @Test
    void servesAPhotoAsItWasSentAndAPdfPageRenderedToPng() throws Exception {
        byte[] photo = TestImages.documentJpeg();
        String applicationId = submitted(photo, TestPdfs.scan(TestImages.document(), TestImages.otherScene()));

        DocumentPages.PageImage first = pages.page(applicationId, 1).orElseThrow();
        assertThat(first.contentType()).isEqualTo("image/jpeg");
        assertThat(first.content()).isEqualTo(photo);
        DocumentPages.PageImage third = pages.page(applicationId, 3).orElseThrow();
        assertThat(third.contentType()).isEqualTo("image/png");
        BufferedImage rendered = ImageIO.read(new ByteArrayInputStream(third.content()));
        assertThat(rendered.getWidth()).isEqualTo(1600); // the 1200 x 800 scene laid out at 150 dpi, rendered at 200
        assertThat(rendered.getHeight()).isBetween(1066, 1067);
        assertThat(pages.page(applicationId, 4)).isEmpty();
        assertThat(pages.page("no-such-application", 1)).isEmpty();
    }

    @Test
    void decodesEachPageOnceAndRecordsItsFingerprintAndBands() {
        BufferedImage document = TestImages.document();
        String applicationId = submitted(TestImages.png(document), TestPdfs.scan(document), TestImages.tinyPng());

        List<PhotoAnalysis> analyses = pages.analyse(applicationId);
        assertThat(slots.completed()).isEqualTo(3);
        assertThat(analyses).extracting(PhotoAnalysis::format)
                .containsExactly(DocumentFormat.PNG, DocumentFormat.PDF, DocumentFormat.PNG);
        assertThat(analyses).allMatch(PhotoAnalysis::readable);
        assertThat(analyses.get(1).width()).isEqualTo(1600);
        assertThat(PhotoFingerprint.distance(analyses.get(0).fingerprint(), analyses.get(1).fingerprint()))
                .as("the scanned page and the photo are the same picture").isLessThanOrEqualTo(5);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select page_no, fingerprint, band_1, band_2, band_3 from document_page where application_id = ? order by page_no",
                applicationId);
        for (int i = 0; i < 3; i++) {
            long fingerprint = analyses.get(i).fingerprint();
            assertThat(((Number) rows.get(i).get("FINGERPRINT")).longValue()).isEqualTo(fingerprint);
            assertThat(((Number) rows.get(i).get("BAND_1")).intValue()).isEqualTo((int) (fingerprint >>> 43));
            assertThat(((Number) rows.get(i).get("BAND_3")).intValue()).isEqualTo((int) (fingerprint & 0x3F_FFFF));
        }
    }

    @Test
    void aPageThatCannotBeDecodedIsUnreadableAndKeepsNoFingerprint() {
        String applicationId = submitted(TestImages.documentPng(), TestImages.pngHeaderOnly(100_000, 100_000));
        List<PhotoAnalysis> analyses = pages.analyse(applicationId);
        assertThat(analyses.get(0).readable()).isTrue();
        assertThat(analyses.get(1).readable()).isFalse();
        assertThat(jdbc.queryForList("select fingerprint from document_page where application_id = ? order by page_no",
                Long.class, applicationId)).hasSize(2).last().isNull();
    }

    @Test
    void aBurstOfLargePhotosIsDecodedAtMostTwoAtATime() throws Exception {
        byte[] large = TestImages.largeJpeg(6000, 4000); // 24 MP each
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            applications.add(submitted(large));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<List<PhotoAnalysis>>> checks = applications.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return pages.analyse(id);
                    }, pool)).toList();
            start.countDown();
            for (CompletableFuture<List<PhotoAnalysis>> check : checks) {
                assertThat(check.get(120, TimeUnit.SECONDS)).singleElement()
                        .satisfies(page -> assertThat(page.width()).isEqualTo(6000));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slots.completed()).isEqualTo(8);
        assertThat(slots.peakInUse()).as("eight checks at once, two decodes at a time").isBetween(1, 2);
    }

    @Test
    void aStoreThatCannotBeReachedFailsTheSubmissionBeforeAnyPageIsRecorded() {
        DocumentStore unreachable = new FileSystemDocumentStore(directory) {
            @Override
            public void put(String key, byte[] content) {
                throw new DocumentStoreUnavailable("writing " + key, new java.io.IOException("disk gone"));
            }
        };
        DocumentPages failing = pages(unreachable, slots);
        String applicationId = PageTables.application(jdbc, accountId);
        DocumentPages.AcceptedDocument document = failing.accept(List.of(TestImages.documentPng()));
        assertThatThrownBy(() -> failing.store(applicationId, accountId, document))
                .isInstanceOf(DocumentStoreUnavailable.class).hasMessage("The document store is not available now; try again later.");
        assertThat(pages.pageCount(applicationId)).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The markers of a JPEG's segments before its image data. */
    private static List<Integer> segmentsBeforeTheImage(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 3 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        assertThat(markers).as("the JPEG reaches its image data").contains(0xDA);
        return markers;
    }

    /** The mean difference of grey level between two images of the same size. */
    private static double greyDifference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs((a.getRGB(x, y) & 0xFF) - (b.getRGB(x, y) & 0xFF));
            }
        }
        return (double) sum / ((long) a.getWidth() * a.getHeight());
    }

}
