package com.nimbus.identity.notification;

import com.nimbus.identity.notification.sms.SmsGateway;

/**
 * A way a notification reaches its recipient. Each channel of each notification is delivered (and retried)
 * on its own: a BPMN "Notify ..." step runs once per channel.
 */
public enum Channel {
    /** The console's message center, stored in this application's database. */
    MESSAGE_CENTER,
    /** Email over SMTP, HTML with a plain-text alternative. */
    EMAIL,
    /** A one-line SMS through the configured {@link SmsGateway}. */
    SMS
}
