package com.nimbus.identity.web;

/** One bad field of a request, listed in a {@code VALIDATION_FAILED} problem. */
public record FieldError(String field, String message) {
}
