package com.nimbus.identity.document.page;

import com.nimbus.identity.document.photo.FingerprintBands;
import com.nimbus.identity.document.photo.PhotoFingerprint;
import com.nimbus.identity.document.photo.PhotoFingerprints;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/**
 * Finds pages of other accounts whose fingerprint is near a page's, through the band indexes of
 * {@code document_page} ({@link FingerprintBands}): the candidates sharing a band value with one of the probes, then
 * the full 64-bit distance of each. It finds exactly what comparing with every stored page would find, at a cost that
 * does not grow with the pages stored.
 */
@Component
class SimilarPhotoIndex implements PhotoFingerprints {

    private final PageRepository pages;

    SimilarPhotoIndex(PageRepository pages) {
        this.pages = pages;
    }

    /** A page within the distance: which one, and how many bits apart. */
    record Hit(String applicationId, int pageNo, int distance) {
    }

    /** Every page of an account other than {@code accountId} at most {@code maxDistance} bits from {@code fingerprint}. */
    List<Hit> within(String accountId, long fingerprint, int maxDistance) {
        return pages.candidates(accountId, FingerprintBands.probes(fingerprint, maxDistance)).stream()
                .map(c -> new Hit(c.applicationId(), c.pageNo(), PhotoFingerprint.distance(fingerprint, c.fingerprint())))
                .filter(hit -> hit.distance() <= maxDistance)
                .sorted(Comparator.comparingInt(Hit::distance))
                .toList();
    }

    @Override
    public OptionalInt nearestOfOtherAccounts(String accountId, long fingerprint, int maxDistance) {
        return within(accountId, fingerprint, maxDistance).stream().mapToInt(Hit::distance).min();
    }
}
