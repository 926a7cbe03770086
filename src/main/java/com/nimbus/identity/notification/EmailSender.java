package com.nimbus.identity.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a rendered notification by email: HTML with a plain-text alternative, UTF-8. */
@Component
public class EmailSender {

    private final JavaMailSender mail;
    private final String from;

    public EmailSender(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.mailFrom();
    }

    /**
     * Sends one email to all {@code recipients}; returns once the SMTP server accepted it.
     *
     * @throws MailException when the message cannot be built or the SMTP server cannot be reached or refuses it
     */
    public void send(List<String> recipients, RenderedNotification notification) {
        send(recipients, notification, null);
    }

    /**
     * As {@link #send(List, RenderedNotification)}, with the {@code Message-ID} {@code <deliveryId@domain of the sender>}:
     * the same for every attempt at the same email (a job run again after a node's crash), so that mail servers and
     * readers recognise a second copy.
     */
    public void send(List<String> recipients, RenderedNotification notification, String deliveryId) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(notification.subject());
            helper.setText(notification.emailText(), notification.emailHtml());
            helper.setSentDate(new Date());
            // RFC 3834: an automatic message, so that auto-responders do not answer it
            message.setHeader("Auto-Submitted", "auto-generated");
            if (deliveryId != null) {
                // kept by Spring's sender when it saves the message
                message.setHeader("Message-ID", "<" + deliveryId + "@" + domainOf(from) + ">");
            }
        } catch (MessagingException e) {
            throw new MailPreparationException("The email could not be built: " + e.getMessage(), e);
        }
        mail.send(message);
    }

    static String domainOf(String address) {
        String bare = address.replaceAll(".*<", "").replaceAll(">.*", "").strip();
        int at = bare.lastIndexOf('@');
        return at < 0 || at == bare.length() - 1 ? "localhost" : bare.substring(at + 1);
    }
}
