package com.nimbus.identity.application;

public enum ApplicationStatus {
    /** automated checks running */
    SUBMITTED,
    IN_REVIEW,
    /** a reviewer asked the holder for new pages of the document; waiting for them (or for the wait to end) */
    PHOTO_REQUESTED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public boolean isPending() {
        return this == SUBMITTED || this == IN_REVIEW || this == PHOTO_REQUESTED;
    }
}
