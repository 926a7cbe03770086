package com.nimbus.identity.document.check;

import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.document.rules.RegionDocumentTable;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** R2, R3: the document type is one the account's registration region accepts ({@link RegionDocumentTable}). */
@Component
@Order(10)
class DocumentTypeAcceptedCheck implements AutomatedCheck {

    static final String NAME = "Document type";

    private final RegionDocumentTable table;

    DocumentTypeAcceptedCheck(RegionDocumentTable table) {
        this.table = table;
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        if (table.formatFor(subject.region(), subject.documentType()).isPresent()) {
            return CheckResult.pass(NAME, subject.documentType() + " is accepted in " + subject.region());
        }
        String accepted = table.acceptedIn(subject.region()).keySet().stream()
                .filter(type -> subject.identityType() == null || type.identityType() == subject.identityType())
                .sorted()
                .map(DocumentType::name)
                .collect(Collectors.joining(", "));
        return CheckResult.fail(NAME, ReasonCode.DOCUMENT_TYPE_NOT_ACCEPTED,
                subject.documentType() + " is not accepted in " + subject.region() + "; accepted: " + accepted);
    }
}
