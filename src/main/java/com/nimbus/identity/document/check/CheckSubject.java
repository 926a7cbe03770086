package com.nimbus.identity.document.check;

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
 */
public record CheckSubject(String applicationId, String accountId, String region, IdentityType identityType,
                           DocumentType documentType, String holderName, String holderAddress,
                           String documentNumber, List<PhotoAnalysis> pages, String identityKey,
                           String accountIdentityKey) {

    public CheckSubject {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    @Override
    public String toString() {
        return "CheckSubject[" + applicationId + ", " + region + ", " + documentType + ", " + pages.size() + " page(s)]";
    }
}
