package com.nimbus.identity.notification;

import com.nimbus.identity.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message in the console's message center. */
@Entity
@Table(name = "message")
public class Message extends AssignedIdEntity {

    @Id
    private String id;
    private String accountId;
    @Enumerated(EnumType.STRING)
    private NotificationEvent event;
    private String applicationId;
    private String subject;
    private String body;
    private Instant createdAt;
    private Instant readAt;

    protected Message() {
    }

    Message(String accountId, NotificationEvent event, String applicationId, String subject, String body, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.event = event;
        this.applicationId = applicationId;
        this.subject = subject;
        this.body = body;
        this.createdAt = at;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    @Override
    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public NotificationEvent getEvent() {
        return event;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
