package com.nimbus.identity.document.store;

/**
 * The store holds no object under a key the database names: the object was removed behind the application's back,
 * or the store is not the one the database was written with. Never a client's error.
 */
public class DocumentObjectMissing extends RuntimeException {

    public DocumentObjectMissing(String key) {
        super("The document store holds no object " + key);
    }
}
