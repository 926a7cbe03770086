package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.DomainException;
import java.util.Map;

/**
 * {@code APPLICATION_NOT_WAITING}: new pages of the document are taken only while a reviewer has asked for them
 * ({@code PHOTO_REQUESTED}); {@code applicationStatus} says what the application is now.
 */
public class ApplicationNotWaiting extends DomainException {

    public ApplicationNotWaiting(ApplicationStatus status) {
        super(Category.CONFLICT, "APPLICATION_NOT_WAITING", "The application is " + status
                + ": new pages of the document are taken only while a reviewer has asked for them (PHOTO_REQUESTED).",
                Map.of("applicationStatus", status.name()));
    }
}
