package com.nimbus.identity.document;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code DOCUMENT_TOO_LARGE}: a document photo over {@link DocumentStore#MAX_PHOTO_BYTES}. */
public class DocumentTooLarge extends DomainException {

    public static final String CODE = "DOCUMENT_TOO_LARGE";
    public static final String DETAIL = "The document photo is larger than 10 MiB.";

    public DocumentTooLarge() {
        super(Category.TOO_LARGE, CODE, DETAIL);
    }
}
