package com.nimbus.identity.document.check;

import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The photo is sharp enough to read: its blur score (variance of the Laplacian of a grey copy scaled to
 * {@code identity.checks.photo.analysis-side}) is at least {@code blur-fail-below}; a score under
 * {@code blur-warn-below} passes with a warning so that the reviewer looks closely.
 */
@Component
@Order(120)
class PhotoSharpnessCheck implements AutomatedCheck {

    static final String NAME = "Photo sharpness";

    private final DocumentChecksProperties.Photo settings;

    PhotoSharpnessCheck(DocumentChecksProperties properties) {
        this.settings = properties.photo();
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        return EveryPage.check(NAME, subject.pages(), this::check);
    }

    private CheckResult check(PhotoAnalysis photo) {
        if (!photo.readable()) {
            return CheckResult.pass(NAME, "not measured: the photo is unreadable");
        }
        double score = photo.blurScore();
        if (score < settings.blurFailBelow()) {
            return CheckResult.fail(NAME, ReasonCode.IMAGE_BLURRY,
                    "blur score " + format(score) + ", below the minimum " + format(settings.blurFailBelow()));
        }
        if (score < settings.blurWarnBelow()) {
            return CheckResult.warn(NAME, "blur score " + format(score) + ", close to the minimum "
                    + format(settings.blurFailBelow()) + ": check that every detail is legible");
        }
        return CheckResult.pass(NAME, "blur score " + format(score) + " (minimum " + format(settings.blurFailBelow()) + ")");
    }

    private static String format(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
