package com.nimbus.identity.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;

/** PDF documents made for tests with PDFBox: scans of drawn documents, and every kind a submission must refuse. */
public final class TestPdfs {

    /** A page is laid out at this resolution: a 1200 px wide photo makes an 8 inch wide page. */
    public static final float LAYOUT_DPI = 150;

    private TestPdfs() {
    }

    private interface Edit {
        void apply(PDDocument document) throws IOException;
    }

    /** One page per image, each image filling its page (JPEG-compressed, as scanners make them). */
    public static byte[] scan(BufferedImage... pages) {
        return build(document -> {
            for (BufferedImage image : pages) {
                addPage(document, JPEGFactory.createFromImage(document, image, 0.9f), image);
            }
        });
    }

    /** One page per image, each stored losslessly (Flate-compressed, as PDFs from a computer are). */
    public static byte[] lossless(BufferedImage... pages) {
        return build(document -> {
            for (BufferedImage image : pages) {
                addPage(document, LosslessFactory.createFromImage(document, image), image);
            }
        });
    }

    /** A scan of {@code pages} fresh drawn documents. */
    public static byte[] scanOfPages(int pages) {
        BufferedImage[] images = new BufferedImage[pages];
        for (int i = 0; i < pages; i++) {
            images[i] = TestImages.document();
        }
        return scan(images);
    }

    /** A scan encrypted with an empty user password: it opens without one, but it is encrypted. */
    public static byte[] encrypted() {
        return build(document -> {
            addPage(document, JPEGFactory.createFromImage(document, TestImages.document()), TestImages.document());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
    }

    /** A scan that needs a password to open. */
    public static byte[] passwordProtected() {
        return build(document -> {
            addPage(document, JPEGFactory.createFromImage(document, TestImages.document()), TestImages.document());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
    }

    /** A scan that runs JavaScript when it is opened. */
    public static byte[] withOpenActionScript() {
        return build(document -> {
            addPage(document, JPEGFactory.createFromImage(document, TestImages.document()), TestImages.document());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
        });
    }

    /** A scan whose page runs JavaScript when it is shown (an additional action of the page). */
    public static byte[] withPageScript() {
        return build(document -> {
            PDPage page = addPage(document, JPEGFactory.createFromImage(document, TestImages.document()),
                    TestImages.document());
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript("this.print();"));
            page.setActions(actions);
        });
    }

    /** A page larger than PDF allows: 300 x 300 inches. */
    public static byte[] giantPage() {
        return build(document -> document.addPage(new PDPage(new PDRectangle(300 * 72, 300 * 72))));
    }

    /** A page with an image that declares 100,000 x 100,000 pixels (and holds a few bytes). */
    public static byte[] giantImage() {
        return build(document -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSStream image = document.getDocument().createCOSStream();
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, 100_000);
            image.setInt(COSName.HEIGHT, 100_000);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            image.setItem(COSName.COLORSPACE, COSName.DEVICERGB);
            try (OutputStream out = image.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(new byte[1024]);
            }
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Im1"), new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(image), null));
            page.setResources(resources);
        });
    }

    /** A page whose content stream is a few hundred kilobytes that decompress to {@code megabytes} MiB of nothing. */
    public static byte[] decompressionBomb(int megabytes) {
        return build(document -> {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSStream contents = document.getDocument().createCOSStream();
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
                for (int i = 0; i < megabytes; i++) {
                    out.write(spaces);
                }
            }
            page.getCOSObject().setItem(COSName.CONTENTS, contents);
        });
    }

    /** Words a PDF's metadata holds and its pages do not. */
    public static final String AUTHOR = "Li Wei, 1 Jianguo Road";
    public static final String TITLE = "Passport scan for NimbusBank";
    public static final String XMP_CREATOR_TOOL = "NimbusScan Pro 7";

    /** {@link #scanOfPages scanOfPages(1)} with a document information dictionary (author, title) and XMP metadata. */
    public static byte[] withMetadata() {
        return build(document -> {
            BufferedImage image = TestImages.document();
            addPage(document, JPEGFactory.createFromImage(document, image, 0.9f), image);
            document.getDocumentInformation().setAuthor(AUTHOR);
            document.getDocumentInformation().setTitle(TITLE);
            org.apache.pdfbox.pdmodel.common.PDMetadata xmp = new org.apache.pdfbox.pdmodel.common.PDMetadata(document);
            xmp.importXMPMetadata(("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                    + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                    + "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreatorTool=\"" + XMP_CREATOR_TOOL + "\"/>"
                    + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(xmp);
        }, false);
    }

    /** A PDF with no page at all. */
    public static byte[] noPages() {
        return build(document -> { });
    }

    private static PDPage addPage(PDDocument document, PDImageXObject image, BufferedImage drawn) throws IOException {
        float width = drawn.getWidth() * 72 / LAYOUT_DPI;
        float height = drawn.getHeight() * 72 / LAYOUT_DPI;
        PDPage page = new PDPage(new PDRectangle(width, height));
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(image, 0, 0, width, height);
        }
        return page;
    }

    private static byte[] build(Edit edit) {
        return build(edit, true);
    }

    private static byte[] build(Edit edit, boolean compress) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.apply(document);
            if (compress) {
                document.save(out);
            } else {
                document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
