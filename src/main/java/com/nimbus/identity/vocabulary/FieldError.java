package com.nimbus.identity.vocabulary;

/** One bad field of a request, listed in a {@code VALIDATION_FAILED} failure. */
public record FieldError(String field, String message) {
}
