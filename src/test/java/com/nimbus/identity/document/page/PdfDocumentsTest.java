package com.nimbus.identity.document.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.DocumentTooLarge;
import com.nimbus.identity.document.DocumentTypeUnsupported;
import com.nimbus.identity.support.Settings;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.TestPdfs;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What a PDF part must be to be accepted, and how its pages are rendered for the checks and the reviewer. */
class PdfDocumentsTest {

    private final DocumentPagesProperties configured = Settings.bound(DocumentPagesProperties.class);
    private final PdfDocuments pdfs = new PdfDocuments(ConfiguredChecks.properties(), configured);

    @Test
    void countsThePagesOfAScan() {
        assertThat(pdfs.inspect(TestPdfs.scanOfPages(1), 1)).isEqualTo(1);
        assertThat(pdfs.inspect(TestPdfs.scanOfPages(3), 1)).isEqualTo(3);
        assertThat(pdfs.inspect(TestPdfs.lossless(TestImages.document(), TestImages.document()), 1)).isEqualTo(2);
        assertThat(pdfs.inspect(TestPdfs.scanOfPages(6), 1)).as("the page limit is the caller's").isEqualTo(6);
        assertThat(pdfs.inspect(TestPdfs.noPages(), 1)).isZero();
    }

    @Test
    void refusesAnEncryptedPdfWithOrWithoutAPassword() {
        assertThatThrownBy(() -> pdfs.inspect(TestPdfs.encrypted(), 2)).isInstanceOf(DocumentTypeUnsupported.class)
                .hasMessage("Document part 2 is an encrypted PDF; send it without encryption or password.");
        assertThatThrownBy(() -> pdfs.inspect(TestPdfs.passwordProtected(), 1)).isInstanceOf(DocumentTypeUnsupported.class)
                .hasMessageContaining("encrypted PDF");
    }

    @Test
    void refusesAPdfThatRunsScripts() {
        assertThatThrownBy(() -> pdfs.inspect(TestPdfs.withOpenActionScript(), 1)).isInstanceOf(DocumentTypeUnsupported.class)
                .hasMessage("Document part 1 is a PDF with scripts or actions that run by themselves; "
                        + "send a PDF of the document's pages only.");
        assertThatThrownBy(() -> pdfs.inspect(TestPdfs.withPageScript(), 3)).isInstanceOf(DocumentTypeUnsupported.class)
                .hasMessageStartingWith("Document part 3 is a PDF with scripts");
    }

    @Test
    void refusesWhatIsNotAReadablePdf() {
        assertThatThrownBy(() -> pdfs.inspect("%PDF-1.7 and then nothing of a PDF".getBytes(), 1))
                .isInstanceOf(DocumentTypeUnsupported.class).hasMessage("Document part 1 is not a readable PDF file.");
        byte[] scan = TestPdfs.scanOfPages(1);
        assertThatThrownBy(() -> pdfs.inspect(Arrays.copyOf(scan, 200), 1)).isInstanceOf(DocumentTypeUnsupported.class);
    }

    @Test
    void refusesAPageLargerThanPdfAllows() {
        assertThatThrownBy(() -> pdfs.inspect(TestPdfs.giantPage(), 1)).isInstanceOf(DocumentTooLarge.class)
                .hasMessage("Document part 1 has a page of 300 x 300 inches, larger than PDF allows.");
    }

    @Test
    void refusesAnImageDeclaringMorePixelsThanAnyPhotoWithoutDecodingIt() {
        assertThatThrownBy(() -> pdfs.inspect(TestPdfs.giantImage(), 1)).isInstanceOf(DocumentTooLarge.class)
                .hasMessage("Document part 1 is a PDF with an image of 100000 x 100000 px, beyond any document photo.");
    }

    @Test
    void refusesContentThatDecompressesBeyondTheBudgetWithoutHoldingIt() {
        PdfDocuments small = new PdfDocuments(ConfiguredChecks.properties(), new DocumentPagesProperties(2,
                new DocumentPagesProperties.Pdf(200, 4000, DataSize.ofMegabytes(8)), configured.orphans()));
        byte[] bomb = TestPdfs.decompressionBomb(64);
        assertThat(bomb.length).as("a small file").isLessThan(1024 * 1024);
        assertThatThrownBy(() -> small.inspect(bomb, 4)).isInstanceOf(DocumentTooLarge.class)
                .hasMessage("Document part 4 is a PDF whose content decompresses to more than 8 MiB.");
        assertThat(small.inspect(TestPdfs.decompressionBomb(4), 1)).as("within the budget").isEqualTo(1);
    }

    @Test
    void rendersAPageAtTheConfiguredResolution() throws Exception {
        byte[] scan = TestPdfs.scan(TestImages.document()); // 1200 x 760 px laid out at 150 dpi: 8 x 5.07 inches
        try (PDDocument document = pdfs.open(scan)) {
            BufferedImage page = pdfs.render(document, 1);
            assertThat(page.getWidth()).isEqualTo(1600); // at 200 dpi
            assertThat(page.getHeight()).isBetween(1012, 1014);
        }
    }

    @Test
    void rendersALargePageNoLargerThanTheConfiguredSide() throws Exception {
        byte[] poster = TestPdfs.scan(TestImages.document()); // rendered at 30 times 72 dpi it would be far too large
        PdfDocuments fine = new PdfDocuments(ConfiguredChecks.properties(), new DocumentPagesProperties(2,
                new DocumentPagesProperties.Pdf(600, 1000, configured.pdf().maxDecompressed()), configured.orphans()));
        try (PDDocument document = fine.open(poster)) {
            BufferedImage page = fine.render(document, 1);
            assertThat(Math.max(page.getWidth(), page.getHeight())).isEqualTo(1000);
        }
    }
}
