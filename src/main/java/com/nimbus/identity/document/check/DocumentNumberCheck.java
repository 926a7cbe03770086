package com.nimbus.identity.document.check;

import com.nimbus.identity.document.AcceptedDocuments;
import com.nimbus.identity.document.rules.NumberFormat;
import com.nimbus.identity.document.rules.RegionDocumentTable;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The document number is a valid number of the document type in the region: length, characters, check
 * characters and embedded dates as {@link RegionDocumentTable} says. The detail names the problem, never
 * the number.
 */
@Component
@Order(20)
class DocumentNumberCheck implements AutomatedCheck {

    static final String NAME = "Document number";

    private final RegionDocumentTable table;
    private final AcceptedDocuments accepted;

    DocumentNumberCheck(RegionDocumentTable table, AcceptedDocuments accepted) {
        this.table = table;
        this.accepted = accepted;
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        Optional<NumberFormat> format = table.formatFor(subject.region(), subject.documentType());
        if (format.isEmpty() || !subject.documentTypeAccepted(accepted)) {
            return CheckResult.pass(NAME, "not checked: the document type is not accepted in this region");
        }
        Optional<String> problem = format.get().problem(subject.documentNumber());
        if (problem.isPresent()) {
            return CheckResult.fail(NAME, ReasonCode.DOCUMENT_NUMBER_INVALID,
                    "not a valid " + format.get().name() + ": " + problem.get());
        }
        return CheckResult.pass(NAME, "a valid " + format.get().name());
    }
}
