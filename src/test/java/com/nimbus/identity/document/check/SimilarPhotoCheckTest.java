package com.nimbus.identity.document.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.document.photo.PhotoAnalyser;
import com.nimbus.identity.document.photo.PhotoFingerprint;
import com.nimbus.identity.document.photo.PhotoFingerprints;
import com.nimbus.identity.support.TestImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SimilarPhotoCheckTest {

    private final DocumentChecksProperties configured = ConfiguredChecks.properties();
    private final PhotoAnalyser analyser = new PhotoAnalyser(configured);
    private final StoredPhotos stored = new StoredPhotos();

    /** Photos submitted so far, by account: what the document store answers from its table. */
    private final class StoredPhotos implements PhotoFingerprints {

        private final List<String> accounts = new ArrayList<>();
        private final List<Long> fingerprints = new ArrayList<>();

        void submitted(String accountId, byte[] photo) {
            accounts.add(accountId);
            fingerprints.add(analyser.analyse(photo).fingerprint());
        }

        @Override
        public OptionalInt nearestOfOtherAccounts(String accountId, long fingerprint, int maxDistance) {
            LongStream others = java.util.stream.IntStream.range(0, accounts.size())
                    .filter(i -> !accounts.get(i).equals(accountId))
                    .mapToLong(fingerprints::get);
            return PhotoFingerprint.nearest(others, fingerprint, maxDistance);
        }
    }

    private CheckResult check(String accountId, byte[] photo) {
        return new SimilarPhotoCheck(stored, configured)
                .check(Subjects.subject(accountId, "CN", DocumentType.PASSPORT, "E12345678", photo));
    }

    @Test
    void warnsWhenAnotherAccountSubmittedTheSamePhotoReEncoded() {
        BufferedImage document = TestImages.document();
        stored.submitted("account-a", TestImages.png(document));
        CheckResult result = check("account-b", TestImages.jpeg(document));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.WARN);
        assertThat(result.reason()).isNull();
        assertThat(result.detail()).matches(
                "similar photo already submitted by another account \\(fingerprints [0-5] of 64 bits apart\\)");
        assertThat(result.detail()).doesNotContain("account-a");
    }

    @Test
    void passesWhenOnlyTheSameAccountSubmittedItBefore() {
        byte[] photo = TestImages.documentPng();
        stored.submitted("account-a", photo);
        CheckResult result = check("account-a", photo.clone());
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(result.detail()).isEqualTo("no similar photo from another account");
    }

    @Test
    void passesWhenOtherAccountsSubmittedDifferentPhotos() {
        stored.submitted("account-a", TestImages.png(TestImages.otherScene()));
        assertThat(check("account-b", TestImages.documentPng()).outcome()).isEqualTo(CheckResult.Outcome.PASS);
    }

    @Test
    void passesAnUnreadablePhotoWithoutComparing() {
        stored.submitted("account-a", TestImages.documentPng());
        CheckResult result = check("account-b", new byte[] {1, 2, 3});
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(result.detail()).isEqualTo("not compared: the photo is unreadable");
    }

    @Test
    void warnsWhenAnyPageLooksLikeAPageOfAnotherAccount() {
        BufferedImage back = TestImages.otherScene();
        stored.submitted("account-a", TestImages.png(back));
        CheckResult result = new SimilarPhotoCheck(stored, configured).check(Subjects.subject("account-b", "CN",
                DocumentType.PASSPORT, "E12345678", TestImages.documentPng(), TestImages.jpeg(back)));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.WARN);
        assertThat(result.detail()).matches("page 1: no similar photo from another account; page 2: similar photo "
                + "already submitted by another account \\(fingerprints [0-5] of 64 bits apart\\)");
    }

    @Test
    void comparesNothingWhenSwitchedOff() {
        BufferedImage document = TestImages.document();
        stored.submitted("account-a", TestImages.png(document));
        DocumentChecksProperties off = new DocumentChecksProperties(configured.photo(),
                new DocumentChecksProperties.SimilarPhoto(false, configured.similarPhoto().maxDistance()));
        CheckResult result = new SimilarPhotoCheck(stored, off)
                .check(Subjects.subject("account-b", "CN", DocumentType.PASSPORT, "E12345678", TestImages.png(document)));
        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.PASS);
        assertThat(result.detail()).isEqualTo("not compared: switched off");
    }
}
