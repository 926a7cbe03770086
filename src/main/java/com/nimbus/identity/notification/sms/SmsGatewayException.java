package com.nimbus.identity.notification.sms;

/** The SMS provider did not accept an SMS: an error status, a refused connection or a timeout. */
public class SmsGatewayException extends RuntimeException {

    public SmsGatewayException(String message) {
        super(message);
    }

    public SmsGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
