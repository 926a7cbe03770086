package com.nimbus.identity.application;

public enum ApplicationStatus {
    /** automated checks running */
    SUBMITTED,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public boolean isPending() {
        return this == SUBMITTED || this == IN_REVIEW;
    }
}
