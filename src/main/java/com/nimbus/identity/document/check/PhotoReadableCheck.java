package com.nimbus.identity.document.check;

import com.nimbus.identity.document.PhotoAnalyser;
import com.nimbus.identity.document.PhotoAnalysis;
import com.nimbus.identity.vocabulary.ReasonCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The photo decodes as a JPEG or PNG image of a plausible size. A header declaring dimensions beyond any
 * photo (a decompression bomb) is refused before decoding: {@code IMAGE_UNREADABLE} too.
 */
@Component
@Order(100)
class PhotoReadableCheck implements AutomatedCheck {

    static final String NAME = "Photo readable";

    private final PhotoAnalyser analyser;

    PhotoReadableCheck(PhotoAnalyser analyser) {
        this.analyser = analyser;
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        PhotoAnalysis photo = analyser.analyse(subject.photo());
        if (!photo.readable()) {
            return CheckResult.fail(NAME, ReasonCode.IMAGE_UNREADABLE, photo.problem());
        }
        return CheckResult.pass(NAME, photo.format() + ", " + photo.width() + " x " + photo.height() + " px");
    }
}
