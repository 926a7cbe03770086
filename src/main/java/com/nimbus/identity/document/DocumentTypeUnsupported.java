package com.nimbus.identity.document;

import com.nimbus.identity.vocabulary.DomainException;

/**
 * {@code DOCUMENT_TYPE_UNSUPPORTED}: a document part whose bytes are not those of a JPEG, PNG or PDF file, or a PDF
 * of a kind the product does not take: encrypted, carrying scripts or actions, or not readable as a PDF.
 */
public class DocumentTypeUnsupported extends DomainException {

    public static final String CODE = "DOCUMENT_TYPE_UNSUPPORTED";
    public static final String DETAIL = "The document must be a JPEG, PNG or PDF file.";

    public DocumentTypeUnsupported() {
        this(DETAIL);
    }

    public DocumentTypeUnsupported(String detail) {
        super(Category.UNSUPPORTED, CODE, detail);
    }
}
