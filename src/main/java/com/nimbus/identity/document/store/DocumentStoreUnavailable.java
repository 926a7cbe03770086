package com.nimbus.identity.document.store;

import com.nimbus.identity.vocabulary.DomainException;

/**
 * {@code DOCUMENT_STORE_UNAVAILABLE}: the document store could not be reached or refused to work, after the
 * retries of its client. Nothing was stored; the same request may succeed later.
 */
public class DocumentStoreUnavailable extends DomainException {

    public static final String CODE = "DOCUMENT_STORE_UNAVAILABLE";

    public DocumentStoreUnavailable(String what, Throwable cause) {
        super(Category.UNAVAILABLE, CODE, "The document store is not available now; try again later.");
        initCause(new IllegalStateException(what, cause));
    }
}
