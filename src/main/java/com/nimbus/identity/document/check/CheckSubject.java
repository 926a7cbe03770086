package com.nimbus.identity.document.check;

import com.nimbus.identity.document.AcceptedDocuments;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.vocabulary.IdentityType;
import java.util.List;

/**
 * What the automated checks look at. It holds the decrypted document number and the measures of every page of the
 * document (each page decoded once, before the checks run): it lives only in memory while the checks run and is
 * never written to a process variable or a log.
 *
 * @param documentNumber the normalised number
 * @param pages the measures of the document's pages, in page order (empty when the application has none)
 * @param accountIdentityKey the identity the account is verified with now, or null
 * @param documentTypeAccepted whether the region accepts the document type for the identity type (the decision table
 *                             {@code accepted-documents}, asked once for all checks by {@link AutomatedChecks}), or
 *                             null when not asked yet
 */
public record CheckSubject(String applicationId, String accountId, String region, IdentityType identityType,
                           DocumentType documentType, String holderName, String holderAddress,
                           String documentNumber, List<PhotoAnalysis> pages, String identityKey,
                           String accountIdentityKey, Boolean documentTypeAccepted) {

    public CheckSubject {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** A subject whose document type's acceptance is not asked yet. */
    public CheckSubject(String applicationId, String accountId, String region, IdentityType identityType,
                        DocumentType documentType, String holderName, String holderAddress, String documentNumber,
                        List<PhotoAnalysis> pages, String identityKey, String accountIdentityKey) {
        this(applicationId, accountId, region, identityType, documentType, holderName, holderAddress, documentNumber,
                pages, identityKey, accountIdentityKey, null);
    }

    /** This subject with the document type's acceptance as the table says. */
    CheckSubject withDocumentTypeAccepted(boolean accepted) {
        return new CheckSubject(applicationId, accountId, region, identityType, documentType, holderName,
                holderAddress, documentNumber, pages, identityKey, accountIdentityKey, accepted);
    }

    /** Whether the document type is accepted: as asked already, else from {@code accepted} now. */
    boolean documentTypeAccepted(AcceptedDocuments accepted) {
        return documentTypeAccepted != null ? documentTypeAccepted
                : accepted.accepts(region, identityType, documentType);
    }

    @Override
    public String toString() {
        return "CheckSubject[" + applicationId + ", " + region + ", " + documentType + ", " + pages.size() + " page(s)]";
    }
}
