package com.nimbus.identity.notification.sms;

/**
 * Sends one SMS. {@link HttpSmsGateway} talks to the provider set in {@code identity.sms.base-url};
 * without one, {@link OutboxSmsGateway} keeps the SMS in the table {@code sms_outbox} (the embedded default).
 */
public interface SmsGateway {

    /**
     * Sends {@code text} to {@code phone} (international form, e.g. +8613800138000), or throws: a call that
     * returns normally means the provider accepted the SMS.
     *
     * @param idempotencyKey the same for every attempt at the same SMS (a job run again after a node's crash): the
     *                       provider, or the outbox, takes it once
     * @throws SmsGatewayException when the provider refuses the SMS, answers with an error, or does not answer in time
     */
    void send(String phone, String text, String idempotencyKey);

    /** {@link #send(String, String, String)} with a key of its own: for an SMS that no retry sends again. */
    default void send(String phone, String text) {
        send(phone, text, java.util.UUID.randomUUID().toString());
    }
}
