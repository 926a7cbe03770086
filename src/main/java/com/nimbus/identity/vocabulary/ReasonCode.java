package com.nimbus.identity.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** Why an application was rejected or a verification revoked (R6), with the message the holder reads. */
public enum ReasonCode {
    // automated checks
    DOCUMENT_NUMBER_INVALID(Origin.AUTOMATED, "The document number is not a valid number for this document type and region."),
    DOCUMENT_TYPE_NOT_ACCEPTED(Origin.AUTOMATED, "This type of document is not accepted for the account's registration region."),
    IMAGE_UNREADABLE(Origin.AUTOMATED, "The document photo could not be read as a JPEG or PNG image."),
    IMAGE_TOO_SMALL(Origin.AUTOMATED, "The document photo's resolution is too low to read the document."),
    IMAGE_BLURRY(Origin.AUTOMATED, "The document photo is too blurry to read the document."),
    QUOTA_EXCEEDED(Origin.AUTOMATED, "This identity already verifies the maximum number of accounts."),
    // reviewers
    NAME_MISMATCH(Origin.REVIEWER, "The name entered does not match the name on the document."),
    NUMBER_MISMATCH(Origin.REVIEWER, "The number entered does not match the number on the document."),
    ADDRESS_MISMATCH(Origin.REVIEWER, "The address entered does not match the address on the document."),
    DOCUMENT_UNCLEAR(Origin.REVIEWER, "The document photo is not clear enough to check every detail."),
    DOCUMENT_EXPIRED(Origin.REVIEWER, "The document has expired."),
    DOCUMENT_NOT_FROM_REGISTRATION_REGION(Origin.REVIEWER, "The document was not issued in the account's registration region."),
    DOCUMENT_ALTERED(Origin.REVIEWER, "The document appears to have been altered."),
    OTHER(Origin.REVIEWER, "The application could not be accepted; see the reviewer's comment."),
    // periodic re-check
    ENTERPRISE_DISSOLVED(Origin.RECHECK, "The enterprise registry lists the enterprise as dissolved."),
    ENTERPRISE_NOT_FOUND(Origin.RECHECK, "The enterprise registry does not know the registration number."),
    ENTERPRISE_DATA_MISMATCH(Origin.RECHECK, "The enterprise's registered name or address no longer matches the registry.");

    public enum Origin { AUTOMATED, REVIEWER, RECHECK }

    private final Origin origin;
    private final String message;

    ReasonCode(Origin origin, String message) {
        this.origin = origin;
        this.message = message;
    }

    public Origin origin() {
        return origin;
    }

    public String message() {
        return message;
    }

    public static Optional<ReasonCode> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
