package com.nimbus.identity.document;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code DOCUMENT_TYPE_UNSUPPORTED}: the document's bytes are not those of a JPEG or PNG image. */
public class DocumentTypeUnsupported extends DomainException {

    public DocumentTypeUnsupported() {
        super(Category.UNSUPPORTED, "DOCUMENT_TYPE_UNSUPPORTED", "The document photo must be a JPEG or PNG image.");
    }
}
