package com.nimbus.identity.security;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code API_KEY_NOT_FOUND}: no API key has this id. */
public class ApiKeyNotFound extends DomainException {

    public ApiKeyNotFound(String id) {
        super(Category.NOT_FOUND, "API_KEY_NOT_FOUND", "No API key " + id + ".");
    }
}
