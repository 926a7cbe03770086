package com.nimbus.identity.document.check;

import com.nimbus.identity.application.ReasonCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The normalised number is 4 to 32 letters and digits: the format every document type has at least. */
@Component
@Order(10)
class DocumentNumberFormatCheck implements AutomatedCheck {

    @Override
    public CheckResult check(CheckSubject subject) {
        String n = subject.documentNumber();
        if (n != null && n.matches("[A-Z0-9]{4,32}")) {
            return CheckResult.pass("Number format", n.length() + " characters");
        }
        return CheckResult.fail("Number format", ReasonCode.DOCUMENT_NUMBER_INVALID,
                "not 4 to 32 letters and digits");
    }
}
