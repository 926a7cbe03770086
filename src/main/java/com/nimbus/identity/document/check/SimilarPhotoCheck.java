package com.nimbus.identity.document.check;

import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.PhotoAnalyser;
import com.nimbus.identity.document.PhotoAnalysis;
import com.nimbus.identity.document.PhotoFingerprints;
import java.util.OptionalInt;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A soft signal, never a rejection: the photo looks the same (perceptual fingerprint within
 * {@code identity.checks.similar-photo.max-distance} bits) as a photo submitted for another account. The
 * reviewer is told that much and nothing about the other account.
 */
@Component
@Order(200)
class SimilarPhotoCheck implements AutomatedCheck {

    static final String NAME = "Same photo elsewhere";

    private final PhotoAnalyser analyser;
    private final PhotoFingerprints fingerprints;
    private final DocumentChecksProperties.SimilarPhoto settings;

    SimilarPhotoCheck(PhotoAnalyser analyser, PhotoFingerprints fingerprints, DocumentChecksProperties properties) {
        this.analyser = analyser;
        this.fingerprints = fingerprints;
        this.settings = properties.similarPhoto();
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        if (!settings.enabled()) {
            return CheckResult.pass(NAME, "not compared: switched off");
        }
        PhotoAnalysis photo = analyser.analyse(subject.photo());
        if (!photo.readable()) {
            return CheckResult.pass(NAME, "not compared: the photo is unreadable");
        }
        OptionalInt distance = fingerprints.nearestOfOtherAccounts(subject.accountId(), photo.fingerprint(),
                settings.maxDistance());
        if (distance.isPresent()) {
            return CheckResult.warn(NAME, "similar photo already submitted by another account (fingerprints "
                    + distance.getAsInt() + " of 64 bits apart)");
        }
        return CheckResult.pass(NAME, "no similar photo from another account");
    }
}
