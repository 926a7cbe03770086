package com.nimbus.identity.notification;

/** What the account holder (or a supervisor) is told about. */
public enum NotificationEvent {
    APPLICATION_REJECTED_AUTOMATICALLY,
    APPLICATION_APPROVED,
    APPLICATION_REJECTED,
    APPLICATION_WITHDRAWN,
    IDENTITY_CHANGED,
    VERIFICATION_REVOKED,
    /** R9: the registered data no longer matches; the verification is revoked after a grace period unless changed. */
    VERIFICATION_DATA_MISMATCH,
    REVIEW_OVERDUE
}
