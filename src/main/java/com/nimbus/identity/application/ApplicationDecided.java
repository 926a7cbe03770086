package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.DomainException;
import java.util.Map;

/**
 * {@code APPLICATION_DECIDED}: the application is no longer pending; {@code applicationStatus} says what it became
 * (not {@code status}, which in a problem is the HTTP status).
 */
public class ApplicationDecided extends DomainException {

    private final ApplicationStatus status;

    public ApplicationDecided(ApplicationStatus status) {
        super(Category.CONFLICT, "APPLICATION_DECIDED", "The application is already " + status + ".",
                Map.of("applicationStatus", status.name()));
        this.status = status;
    }

    public ApplicationStatus status() {
        return status;
    }
}
