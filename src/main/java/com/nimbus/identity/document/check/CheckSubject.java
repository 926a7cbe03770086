package com.nimbus.identity.document.check;

import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.vocabulary.IdentityType;

/**
 * What the automated checks look at. It holds the decrypted document number and photo: it lives only
 * in memory while the checks run and is never written to a process variable or a log.
 *
 * @param documentNumber the normalised number
 * @param accountIdentityKey the identity the account is verified with now, or null
 */
public record CheckSubject(String applicationId, String accountId, String region, IdentityType identityType,
                           DocumentType documentType, String holderName, String holderAddress,
                           String documentNumber, byte[] photo, String identityKey, String accountIdentityKey) {

    @Override
    public String toString() {
        return "CheckSubject[" + applicationId + ", " + region + ", " + documentType + "]";
    }
}
