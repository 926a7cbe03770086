package com.nimbus.identity.document;

import com.nimbus.identity.vocabulary.DomainException;

/**
 * {@code DOCUMENT_TOO_LARGE}: a document part over 10 MiB, or a PDF that declares more than any document needs
 * (pages of giant size, images beyond the photo limits, content that decompresses to more than the budget): a
 * decompression bomb is refused as too large before anything renders it.
 */
public class DocumentTooLarge extends DomainException {

    public static final String CODE = "DOCUMENT_TOO_LARGE";
    public static final String DETAIL = "The document is larger than 10 MiB.";

    public DocumentTooLarge() {
        this(DETAIL);
    }

    public DocumentTooLarge(String detail) {
        super(Category.TOO_LARGE, CODE, detail);
    }
}
