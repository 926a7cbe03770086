package com.nimbus.identity.document.check;

import com.nimbus.identity.document.DocumentChecksProperties;
import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.vocabulary.ReasonCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The photo has enough pixels to read the document: its longer side at least
 * {@code identity.checks.photo.min-long-side}, its shorter side at least {@code min-short-side}, whichever
 * way it is turned.
 */
@Component
@Order(110)
class PhotoResolutionCheck implements AutomatedCheck {

    static final String NAME = "Photo resolution";

    private final DocumentChecksProperties.Photo settings;

    PhotoResolutionCheck(DocumentChecksProperties properties) {
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
        String minimum = settings.minLongSide() + " x " + settings.minShortSide() + " px";
        String size = photo.width() + " x " + photo.height() + " px";
        if (photo.longSide() < settings.minLongSide() || photo.shortSide() < settings.minShortSide()) {
            return CheckResult.fail(NAME, ReasonCode.IMAGE_TOO_SMALL, size + ", below the minimum " + minimum);
        }
        return CheckResult.pass(NAME, size + " (minimum " + minimum + ")");
    }
}
