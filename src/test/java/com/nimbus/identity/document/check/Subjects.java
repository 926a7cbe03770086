package com.nimbus.identity.document.check;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.vocabulary.IdentityType;

/** Check subjects for tests: the number is normalised as the application service does. */
final class Subjects {

    private Subjects() {
    }

    static CheckSubject individual(String region, DocumentType type, String number, byte[] photo) {
        return subject("account-1", region, type, number, photo);
    }

    static CheckSubject subject(String accountId, String region, DocumentType type, String number, byte[] photo) {
        return new CheckSubject("application-" + accountId, accountId, region, type.identityType(), type,
                "Holder Name", "1 Holder Street", DocumentNumbers.normalise(number), photo,
                region + ":" + type + ":key", null);
    }

    static CheckSubject enterprise(String region, String registrationNumber, byte[] photo) {
        return new CheckSubject("application-e", "account-e", region, IdentityType.ENTERPRISE,
                DocumentType.BUSINESS_LICENSE, "Enterprise Ltd", "1 Registered Road",
                DocumentNumbers.normalise(registrationNumber), photo, region + ":ENTERPRISE:key", null);
    }

    static CheckSubject withPhoto(byte[] photo) {
        return individual("CN", DocumentType.PASSPORT, "E12345678", photo);
    }
}
