package com.nimbus.identity.notification;

/**
 * One notification rendered for every channel, in the recipient's language.
 *
 * @param subject     the email subject and the message center's title
 * @param messageBody the message center's text
 * @param emailText   the plain-text part of the email
 * @param emailHtml   the HTML part of the email
 * @param sms         the SMS, one line
 */
public record RenderedNotification(String subject, String messageBody, String emailText, String emailHtml, String sms) {
}
