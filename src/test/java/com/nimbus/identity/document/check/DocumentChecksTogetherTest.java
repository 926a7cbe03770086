package com.nimbus.identity.document.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.document.AcceptedDocuments;
import com.nimbus.identity.document.rules.RegionDocumentTable;
import com.nimbus.identity.support.ModelRuleTables;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** All document checks as AutomatedChecks runs them: in order, every failing reason at once. */
class DocumentChecksTogetherTest {

    private final DocumentChecksProperties configured = ConfiguredChecks.properties();
    private final RegionDocumentTable table = new RegionDocumentTable();
    private final java.util.concurrent.atomic.AtomicInteger tableAsked = new java.util.concurrent.atomic.AtomicInteger();
    private final ModelRuleTables shipped = ModelRuleTables.shipped();
    private final AcceptedDocuments accepted = new AcceptedDocuments((key, inputs) -> {
        tableAsked.incrementAndGet();
        return shipped.decide(key, inputs);
    });
    private final List<AutomatedCheck> checks = List.of(
            new SimilarPhotoCheck((account, fingerprint, max) -> OptionalInt.empty(), configured),
            new PhotoSharpnessCheck(configured),
            new PhotoResolutionCheck(configured),
            new PhotoReadableCheck(),
            new DocumentNumberCheck(table, accepted),
            new DocumentTypeAcceptedCheck(accepted));

    private CheckReport run(CheckSubject subject) {
        List<AutomatedCheck> ordered = new java.util.ArrayList<>(checks);
        AnnotationAwareOrderComparator.sort(ordered); // as Spring orders the beans it injects
        return new AutomatedChecks(ordered, accepted).run(subject);
    }

    @Test
    void theAcceptedDocumentsTableIsAskedOnceForAllChecks() {
        CheckReport good = run(Subjects.individual("CN", DocumentType.ID_CARD, TestIdentities.cnResidentId(),
                TestImages.documentJpeg()));
        assertThat(good.passed()).isTrue();
        assertThat(tableAsked).hasValue(1);

        tableAsked.set(0);
        CheckReport refused = run(Subjects.individual("US", DocumentType.ID_CARD, "123456789", TestImages.documentJpeg()));
        assertThat(refused.failureReasons()).containsExactly(ReasonCode.DOCUMENT_TYPE_NOT_ACCEPTED);
        assertThat(tableAsked).as("once for the checks, then once a type for the list of accepted types")
                .hasValue(1 + DocumentType.values().length);
    }

    @Test
    void everyCheckIsAComponentOrderedBeforeTheQuotaCheck() {
        for (AutomatedCheck check : checks) {
            assertThat(check.getClass()).hasAnnotation(Component.class).hasAnnotation(Order.class);
            assertThat(check.getClass().getAnnotation(Order.class).value()).isLessThan(1000);
        }
        assertThat(checks.stream().map(c -> c.getClass().getAnnotation(Order.class).value()).distinct()).hasSize(checks.size());
    }

    @Test
    void aGoodApplicationPassesWithOneRowPerCheckInOrder() {
        CheckReport report = run(Subjects.individual("CN", DocumentType.ID_CARD, TestIdentities.cnResidentId(),
                TestImages.documentJpeg()));
        assertThat(report.passed()).isTrue();
        assertThat(report.results()).extracting(CheckResult::check).containsExactly("Document type", "Document number",
                "Photo readable", "Photo resolution", "Photo sharpness", "Same photo elsewhere");
    }

    @Test
    void aBadNumberAndABlurryPhotoAreReportedTogether() {
        String id = TestIdentities.cnResidentId();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        CheckReport report = run(Subjects.individual("CN", DocumentType.ID_CARD, wrong, TestImages.blurryPng()));
        assertThat(report.passed()).isFalse();
        assertThat(report.failureReasons()).containsExactly(ReasonCode.DOCUMENT_NUMBER_INVALID, ReasonCode.IMAGE_BLURRY);
        assertThat(report.summary()).doesNotContain(wrong.substring(0, 6)).doesNotContain(wrong.substring(12));
    }

    @Test
    void aTypeNotAcceptedAndATinyPhotoAreReportedTogether() {
        CheckReport report = run(Subjects.individual("US", DocumentType.ID_CARD, "D1234567", TestImages.tinyPng()));
        assertThat(report.failureReasons()).containsExactly(ReasonCode.DOCUMENT_TYPE_NOT_ACCEPTED, ReasonCode.IMAGE_TOO_SMALL);
    }
}
