package com.nimbus.identity.notification;

/** What the account holder (or a supervisor) is told about. */
public enum NotificationEvent {
    APPLICATION_REJECTED_AUTOMATICALLY,
    APPLICATION_APPROVED,
    APPLICATION_REJECTED,
    APPLICATION_WITHDRAWN,
    /** A reviewer asked for new pages of the document, with the reasons; the application waits for them. */
    PHOTO_REQUESTED,
    IDENTITY_CHANGED,
    VERIFICATION_REVOKED,
    /** R9: the registered data no longer matches; the verification is revoked after a grace period unless changed. */
    VERIFICATION_DATA_MISMATCH,
    REVIEW_OVERDUE
}
