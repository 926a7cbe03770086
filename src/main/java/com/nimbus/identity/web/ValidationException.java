package com.nimbus.identity.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 400 {@code VALIDATION_FAILED} with one entry per bad field. */
public class ValidationException extends ApiException {

    public ValidationException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.",
                Map.of("errors", List.copyOf(errors)));
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
