package com.nimbus.identity.document.page;

import com.nimbus.identity.document.DocumentFormat;

/**
 * One page of an application's document as the database keeps it: where its file's encrypted bytes are in the
 * document store, which page of that file it is, and its measures. Never the bytes themselves.
 *
 * @param pageNo      1 to 4, in the order the holder sent the parts (and a PDF's pages)
 * @param objectKey   the object of the document store that holds the whole file, encrypted
 * @param sourcePage  which page of that file (1 for a photo)
 * @param format      the file's format, told by its bytes at submission
 * @param sizeBytes   the file's size before encryption
 * @param contentHmac keyed fingerprint of the file's bytes ({@code FieldCipher#fingerprint(byte[])})
 * @param keyId       the key the object was encrypted with ({@code FieldCipher#keyId()})
 * @param fingerprint the page's photo fingerprint once the automated checks decoded it, else null
 * @param reencoded   whether the automated checks re-encoded the photo from its pixels already
 */
public record StoredPage(String applicationId, int pageNo, String objectKey, int sourcePage, DocumentFormat format,
                         int sizeBytes, String contentHmac, String keyId, Long fingerprint,
                         boolean reencoded) {
}
