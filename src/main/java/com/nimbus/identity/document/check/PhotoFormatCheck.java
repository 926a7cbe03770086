package com.nimbus.identity.document.check;

import com.nimbus.identity.application.ReasonCode;
import com.nimbus.identity.document.ImageFormat;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The stored photo is there and its bytes are those of a JPEG or PNG. */
@Component
@Order(100)
class PhotoFormatCheck implements AutomatedCheck {

    @Override
    public CheckResult check(CheckSubject subject) {
        return ImageFormat.sniff(subject.photo())
                .map(f -> CheckResult.pass("Photo format", f.name()))
                .orElseGet(() -> CheckResult.fail("Photo format", ReasonCode.IMAGE_UNREADABLE, "not a JPEG or PNG"));
    }
}
