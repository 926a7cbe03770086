package com.nimbus.identity.document.store;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the bytes of documents live: objects under keys, in an S3-compatible object store in production
 * ({@link S3DocumentStore}) or under a directory on the embedded default ({@link FileSystemDocumentStore}). It
 * only ever receives bytes the application has encrypted already; it knows nothing of applications, pages or
 * keys of encryption, which the database keeps beside the object's key.
 * <p>
 * Keys are made of letters, digits, {@code . _ -} and {@code /} (as a separator; no empty segment and none that
 * starts with a dot), so that every store takes them as they are.
 * Failures to reach the store are {@link DocumentStoreUnavailable}: the caller's transaction rolls back, a request
 * is answered 503, a job is retried and then shows as an incident.
 */
public interface DocumentStore {

    /** Stores {@code content} under {@code key}, replacing what was there; when it returns, the object is durable. */
    void put(String key, byte[] content);

    /** The object under {@code key}; {@link DocumentObjectMissing} when there is none. */
    byte[] get(String key);

    /** Removes the object under {@code key}; nothing happens when there is none. */
    void delete(String key);

    /** Hands every object whose key starts with {@code prefix} to {@code each}, in no particular order. */
    void list(String prefix, Consumer<StoredObject> each);

    /** Whether the store can be reached and written to now; {@link DocumentStoreUnavailable} when not. */
    void checkReachable();

    /** One object of the store: its key and when it was last written. */
    record StoredObject(String key, Instant lastModified) {
    }

    /** Refuses a key the interface does not allow, before any store sees it. */
    static String requireValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 512 || !key.matches("[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException("not a document object key: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                throw new IllegalArgumentException("not a document object key: " + key);
            }
        }
        return key;
    }
}
