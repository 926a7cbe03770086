package com.nimbus.identity.notification;

/**
 * A channel of a notification could not be delivered (SMTP server or SMS provider down, refused, or too slow).
 * Thrown out of the job so that the engine retries it and, once the retries are used up, raises an incident.
 * The message names the notification, channel and cause, never an address or phone number.
 */
public class NotificationDeliveryException extends RuntimeException {

    public NotificationDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
