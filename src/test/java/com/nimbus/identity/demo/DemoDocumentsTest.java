package com.nimbus.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.photo.PhotoAnalyser;
import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.document.photo.PhotoFingerprint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's drawn pages pass the photo checks, and only the page sent twice looks the same to the same-photo check. */
class DemoDocumentsTest {

    private final DocumentChecksProperties checks = ConfiguredChecks.properties();
    private final PhotoAnalyser analyser = new PhotoAnalyser(checks);

    @Test
    void everyPageIsSharpAndLargeEnoughAndOnlyTheRepeatedPhotoIsSimilar() {
        List<DemoApplications.Submission> submissions = DemoApplications.submissions();
        assertThat(submissions).hasSize(5);
        List<Long> firstPages = new ArrayList<>();
        for (DemoApplications.Submission submission : submissions) {
            for (byte[] page : submission.pages()) {
                PhotoAnalysis analysis = analyser.analyse(page);
                assertThat(analysis.readable()).isTrue();
                assertThat(analysis.blurScore()).as(submission.email()).isGreaterThan(checks.photo().blurWarnBelow());
                assertThat(analysis.longSide()).isGreaterThanOrEqualTo(checks.photo().minLongSide());
            }
            firstPages.add(analyser.analyse(submission.pages().get(0)).fingerprint());
        }
        int near = checks.similarPhoto().maxDistance();
        // Wang (first) and Li (last) send the same photo; every other pair of accounts is far apart
        assertThat(PhotoFingerprint.distance(firstPages.get(0), firstPages.get(4))).isZero();
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                assertThat(PhotoFingerprint.distance(firstPages.get(a), firstPages.get(b)))
                        .as(submissions.get(a).email() + " and " + submissions.get(b).email()).isGreaterThan(near);
            }
        }
    }
}
