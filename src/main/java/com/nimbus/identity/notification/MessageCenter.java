package com.nimbus.identity.notification;

import com.nimbus.identity.account.AccountService;
import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The console's message center: messages stored for the account holder, newest first. */
@Service
public class MessageCenter {

    private final MessageRepository messages;
    private final AccountService accounts;
    private final Clock clock;

    public MessageCenter(MessageRepository messages, AccountService accounts, Clock clock) {
        this.messages = messages;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Message post(String accountId, NotificationEvent event, String applicationId, String subject, String body) {
        return messages.save(new Message(accountId, event, applicationId, subject, body, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Page<Message> list(String accountId, int page, int size) {
        accounts.find(accountId);
        return messages.findByAccountIdOrderByCreatedAtDescIdDesc(accountId, PageRequest.of(page, size));
    }

    @Transactional
    public Message markRead(String accountId, String messageId) {
        accounts.find(accountId);
        Message message = messages.findByIdAndAccountId(messageId, accountId)
                .orElseThrow(() -> new MessageNotFound(messageId));
        message.markRead(clock.instant());
        return message;
    }
}
