package com.nimbus.identity.vocabulary;

import java.util.Map;

/**
 * A failure in the domain's own words, thrown by services: a stable {@link #code()} clients act on, a
 * {@link Category} that says what kind of failure it is, a detail for people, and properties for clients
 * (e.g. {@code lockedUntil}). Thrown inside a service's transaction, it rolls the transaction back, so a refused
 * request changes nothing. Services know nothing of HTTP: the web edge alone turns a category into a status and
 * the exception into {@code application/problem+json}.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of failure: the one thing the web edge maps to a status. */
    public enum Category {
        /** The request itself is wrong: a missing field, a bad value. */
        INVALID,
        /** What the request names does not exist (or is not the caller's). */
        NOT_FOUND,
        /** The request is well-formed but the state it meets refuses it: pending, decided, locked. */
        CONFLICT,
        /** A part of the request is larger than the product accepts. */
        TOO_LARGE,
        /** A part of the request is of a kind the product does not accept. */
        UNSUPPORTED,
        /** A system the request needs (the document store) cannot be reached now; the same request may succeed later. */
        UNAVAILABLE
    }

    private final Category category;
    private final String code;
    private final transient Map<String, Object> properties;

    protected DomainException(Category category, String code, String detail) {
        this(category, code, detail, Map.of());
    }

    protected DomainException(Category category, String code, String detail, Map<String, Object> properties) {
        super(detail);
        this.category = category;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public Category category() {
        return category;
    }

    /** The stable code clients act on, e.g. {@code CHANGE_LOCKED}. */
    public String code() {
        return code;
    }

    /** What a client needs beyond the code, e.g. {@code lockedUntil}; empty when nothing. */
    public Map<String, Object> properties() {
        return properties;
    }
}
