package com.nimbus.identity.application;

public enum ApplicationStatus {
    /** automated checks running */
    SUBMITTED,
    IN_REVIEW,
    /** a reviewer asked the holder for new pages of the document; waiting for them (or for the wait to end) */
    PHOTO_REQUESTED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    /** Ended by the reconciliation: its engine instance ended without deciding it, or was stuck in an incident. */
    CANCELLED;

    public boolean isPending() {
        return this == SUBMITTED || this == IN_REVIEW || this == PHOTO_REQUESTED;
    }
}
