package com.nimbus.identity.document.check;

import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.vocabulary.ReasonCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every page decodes: a JPEG or PNG image of a plausible size, or a PDF page that renders. A header declaring
 * dimensions beyond any photo (a decompression bomb) is refused before decoding: {@code IMAGE_UNREADABLE} too.
 */
@Component
@Order(100)
class PhotoReadableCheck implements AutomatedCheck {

    static final String NAME = "Photo readable";

    @Override
    public CheckResult check(CheckSubject subject) {
        return EveryPage.check(NAME, subject.pages(), PhotoReadableCheck::check);
    }

    private static CheckResult check(PhotoAnalysis photo) {
        if (!photo.readable()) {
            return CheckResult.fail(NAME, ReasonCode.IMAGE_UNREADABLE, photo.problem());
        }
        return CheckResult.pass(NAME, photo.format() + ", " + photo.width() + " x " + photo.height() + " px");
    }
}
