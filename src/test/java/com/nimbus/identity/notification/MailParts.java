package com.nimbus.identity.notification;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a received email the way a mail client does: recipients, subject, the text and the HTML part. */
record MailParts(List<String> to, String from, String subject, String text, String html, List<String> contentTypes) {

    static MailParts of(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(MailParts::address).toList();
            List<String> types = new ArrayList<>();
            String[] found = new String[2];
            collect(message, types, found);
            return new MailParts(to, address(message.getFrom()[0]), message.getSubject(), found[0], found[1], types);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Part part, List<String> types, String[] found) throws MessagingException, IOException {
        types.add(part.getContentType().split(";")[0].trim().toLowerCase());
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, types, found);
            }
        } else if (part.isMimeType("text/plain")) {
            found[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
            found[1] = (String) part.getContent();
        }
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }
}
