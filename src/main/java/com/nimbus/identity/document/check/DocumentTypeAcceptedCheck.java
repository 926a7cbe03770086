package com.nimbus.identity.document.check;

import com.nimbus.identity.document.AcceptedDocuments;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * R2, R3: the document type is one the account's registration region accepts for the identity type, as the
 * decision table {@code accepted-documents} in force says ({@link AcceptedDocuments}).
 */
@Component
@Order(10)
class DocumentTypeAcceptedCheck implements AutomatedCheck {

    static final String NAME = "Document type";

    private final AcceptedDocuments accepted;

    DocumentTypeAcceptedCheck(AcceptedDocuments accepted) {
        this.accepted = accepted;
    }

    @Override
    public CheckResult check(CheckSubject subject) {
        if (subject.documentTypeAccepted(accepted)) {
            return CheckResult.pass(NAME, subject.documentType() + " is accepted in " + subject.region());
        }
        String acceptedTypes = subject.identityType() == null ? "" : accepted.acceptedIn(subject.region(),
                subject.identityType()).stream().map(DocumentType::name).collect(Collectors.joining(", "));
        return CheckResult.fail(NAME, ReasonCode.DOCUMENT_TYPE_NOT_ACCEPTED,
                subject.documentType() + " is not accepted in " + subject.region() + "; accepted: " + acceptedTypes);
    }
}
