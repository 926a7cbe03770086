package com.nimbus.identity.document.photo;

import java.util.OptionalInt;

/** The fingerprints of the document pages submitted so far (see {@link PhotoFingerprint}). */
public interface PhotoFingerprints {

    /**
     * The smallest distance, if it is at most {@code maxDistance}, between {@code fingerprint} and the
     * fingerprint of a page submitted for an account other than {@code accountId}.
     */
    OptionalInt nearestOfOtherAccounts(String accountId, long fingerprint, int maxDistance);
}
