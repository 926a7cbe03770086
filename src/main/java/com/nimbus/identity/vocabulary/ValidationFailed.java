package com.nimbus.identity.vocabulary;

import java.util.List;
import java.util.Map;

/** {@code VALIDATION_FAILED}: the request has bad fields, every one listed in {@code errors}. */
public class ValidationFailed extends DomainException {

    public static final String CODE = "VALIDATION_FAILED";

    private final transient List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super(Category.INVALID, CODE, "The request has invalid fields.", Map.of("errors", List.copyOf(errors)));
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
