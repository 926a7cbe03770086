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
     * @throws SmsGatewayException when the provider refuses the SMS, answers with an error, or does not answer in time
     */
    void send(String phone, String text);
}
