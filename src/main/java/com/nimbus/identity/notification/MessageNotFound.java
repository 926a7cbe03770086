package com.nimbus.identity.notification;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code MESSAGE_NOT_FOUND}: no message with this id in the account's message center. */
public class MessageNotFound extends DomainException {

    public MessageNotFound(String messageId) {
        super(Category.NOT_FOUND, "MESSAGE_NOT_FOUND", "No message " + messageId + ".");
    }
}
