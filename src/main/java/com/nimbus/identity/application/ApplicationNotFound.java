package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code APPLICATION_NOT_FOUND}: no application with this id (of this account). */
public class ApplicationNotFound extends DomainException {

    public ApplicationNotFound(String applicationId) {
        super(Category.NOT_FOUND, "APPLICATION_NOT_FOUND", "No application " + applicationId + ".");
    }

    public ApplicationNotFound(String accountId, String applicationId) {
        super(Category.NOT_FOUND, "APPLICATION_NOT_FOUND",
                "No application " + applicationId + " for account " + accountId + ".");
    }
}
