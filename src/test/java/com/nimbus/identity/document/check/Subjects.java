package com.nimbus.identity.document.check;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.document.photo.PhotoAnalyser;
import com.nimbus.identity.document.photo.PhotoAnalysis;
import com.nimbus.identity.vocabulary.IdentityType;
import java.util.Arrays;
import java.util.List;

/**
 * Check subjects for tests: the number is normalised as the application service does, each page decoded once with
 * the thresholds of application.yaml as the automated checks do; a null photo is a document without pages.
 */
final class Subjects {

    private static final PhotoAnalyser ANALYSER = new PhotoAnalyser(ConfiguredChecks.properties());

    private Subjects() {
    }

    static List<PhotoAnalysis> pages(byte[]... photos) {
        if (photos == null || photos.length == 1 && photos[0] == null) {
            return List.of();
        }
        return Arrays.stream(photos).map(ANALYSER::analyse).toList();
    }

    static CheckSubject individual(String region, DocumentType type, String number, byte[] photo) {
        return subject("account-1", region, type, number, photo);
    }

    static CheckSubject subject(String accountId, String region, DocumentType type, String number, byte[]... photos) {
        return new CheckSubject("application-" + accountId, accountId, region, type.identityType(), type,
                "Holder Name", "1 Holder Street", DocumentNumbers.normalise(number), pages(photos),
                region + ":" + type + ":key", null);
    }

    static CheckSubject enterprise(String region, String registrationNumber, byte[] photo) {
        return new CheckSubject("application-e", "account-e", region, IdentityType.ENTERPRISE,
                DocumentType.BUSINESS_LICENSE, "Enterprise Ltd", "1 Registered Road",
                DocumentNumbers.normalise(registrationNumber), pages(photo), region + ":ENTERPRISE:key", null);
    }

    static CheckSubject withPhoto(byte[] photo) {
        return individual("CN", DocumentType.PASSPORT, "E12345678", photo);
    }

    static CheckSubject withPages(byte[]... photos) {
        return subject("account-1", "CN", DocumentType.PASSPORT, "E12345678", photos);
    }
}
