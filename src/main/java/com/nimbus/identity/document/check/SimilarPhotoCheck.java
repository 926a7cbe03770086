package com.nimbus.identity.document.check;

import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.document.photo.PhotoFingerprints;
import java.util.OptionalInt;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A soft signal, never a rejection: a page looks the same (perceptual fingerprint within
 * {@code identity.checks.similar-photo.max-distance} bits) as a page submitted for another account. The
 * reviewer is told that much and nothing about the other account.
 */
@Component
@Order(200)
class SimilarPhotoCheck implements AutomatedCheck {

    static final String NAME = "Same photo elsewhere";

    private final PhotoFingerprints fingerprints;
    private final DocumentChecksProperties.SimilarPhoto settings;

    SimilarPhotoCheck(PhotoFingerprints fingerprints, DocumentChecksProperties properties) {
        this.fingerprints = fingerprints;
        this.settings = properties.similarPhoto();
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        if (!settings.enabled()) {
            return CheckResult.pass(NAME, "not compared: switched off");
        }
        return EveryPage.check(NAME, subject.pages(), photo -> check(subject.accountId(), photo));
    }

    private CheckResult check(String accountId, PhotoAnalysis photo) {
        if (!photo.readable()) {
            return CheckResult.pass(NAME, "not compared: the photo is unreadable");
        }
        OptionalInt distance = fingerprints.nearestOfOtherAccounts(accountId, photo.fingerprint(),
                settings.maxDistance());
        if (distance.isPresent()) {
            return CheckResult.warn(NAME, "similar photo already submitted by another account (fingerprints "
                    + distance.getAsInt() + " of 64 bits apart)");
        }
        return CheckResult.pass(NAME, "no similar photo from another account");
    }
}
