package com.nimbus.identity.notification;

/** What {@link NotificationService#deliver} did with one channel of one notification. */
public enum DeliveryResult {
    /** Sent (or posted) now, and recorded as delivered. */
    DELIVERED,
    /** Recorded as delivered before (a retried job): nothing sent again. */
    ALREADY_DELIVERED,
    /** This channel does not apply to the event or recipient (no address, or not a channel of supervisors): nothing sent. */
    NOT_APPLICABLE
}
