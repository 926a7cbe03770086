package com.nimbus.identity.application;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.PlainText;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code application} part of a submission, as the client sent it. Individual:
 * {@code identityType, fullName, address, documentType, documentNumber}; enterprise:
 * {@code identityType, enterpriseName, registeredAddress, registrationNumber}.
 */
public record ApplicationRequest(String identityType, String fullName, String address, String documentType,
                                 String documentNumber, String enterpriseName, String registeredAddress,
                                 String registrationNumber) {

    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 500;

    /** The identity as entered, checked for presence and format; every bad field is reported at once. */
    public record EnteredIdentity(IdentityType identityType, String name, String address, DocumentType documentType,
                                  String normalisedNumber) {
    }

    public EnteredIdentity validate() {
        List<FieldError> errors = new ArrayList<>();
        IdentityType type = parse(IdentityType.class, identityType, "identityType", errors);
        if (type == null) {
            throw new ValidationFailed(errors);
        }
        EnteredIdentity identity = type == IdentityType.INDIVIDUAL
                ? new EnteredIdentity(type,
                        text(fullName, "fullName", MAX_NAME, errors),
                        text(address, "address", MAX_ADDRESS, errors),
                        individualDocument(errors),
                        number(documentNumber, "documentNumber", errors))
                : new EnteredIdentity(type,
                        text(enterpriseName, "enterpriseName", MAX_NAME, errors),
                        text(registeredAddress, "registeredAddress", MAX_ADDRESS, errors),
                        DocumentType.BUSINESS_LICENSE,
                        number(registrationNumber, "registrationNumber", errors));
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return identity;
    }

    private DocumentType individualDocument(List<FieldError> errors) {
        DocumentType type = parse(DocumentType.class, documentType, "documentType", errors);
        if (type != null && type.identityType() != IdentityType.INDIVIDUAL) {
            errors.add(new FieldError("documentType", "must be one of ID_CARD, PASSPORT, DRIVERS_LICENSE, WORK_PERMIT"));
            return null;
        }
        return type;
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        java.util.Optional<String> hidden = PlainText.problem(trimmed);
        if (hidden.isPresent()) {
            errors.add(new FieldError(field, hidden.get()));
            return null;
        }
        return trimmed;
    }

    private static String number(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String normalised = DocumentNumbers.normalise(value);
        if (!normalised.matches("[A-Z0-9]{4,32}")) {
            errors.add(new FieldError(field, "must be 4 to 32 letters and digits"));
            return null;
        }
        return normalised;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseGet(() -> {
                    errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
                    return null;
                });
    }
}
