package com.nimbus.identity.vocabulary;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of an account's verification that the account's clients hear of (webhooks and the event feed).
 * <p>
 * The service that makes the change publishes it with Spring's {@code ApplicationEventPublisher}, synchronously,
 * inside the transaction of the change. Whoever records it (the event outbox; later an audit trail) listens with a
 * plain {@code @EventListener} and writes in that same transaction, so a change and its event are committed, or
 * rolled back, together. It names ids, statuses and reason codes only: never a name, an address or a document
 * number.
 *
 * @param type          what happened
 * @param accountId     the account
 * @param applicationId the application the event is about; null where there is none (a revocation)
 * @param status        the application's status for {@code application.*}, the account's for {@code verification.*}
 * @param reasons       why, for rejections and revocations; empty otherwise
 * @param occurredAt    when the change was made (the application's clock)
 */
public record AccountEvent(Type type, String accountId, String applicationId, String status, List<Reason> reasons,
                           Instant occurredAt) {

    public AccountEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** One reason: its stable code and the message the holder reads. */
    public record Reason(String code, String message) {

        public static Reason of(ReasonCode code) {
            return new Reason(code.name(), code.message());
        }
    }

    /** The event types of SPEC, by the names clients see ({@link #wireName()}). */
    public enum Type {
        APPLICATION_SUBMITTED("application.submitted"),
        APPLICATION_IN_REVIEW("application.in_review"),
        /** A reviewer asked for new document pages; emitted once applications can wait for them. */
        APPLICATION_PHOTO_REQUESTED("application.photo_requested"),
        APPLICATION_APPROVED("application.approved"),
        APPLICATION_REJECTED("application.rejected"),
        APPLICATION_WITHDRAWN("application.withdrawn"),
        /** The account's verified identity changed: an initial verification or an approved change. */
        VERIFICATION_CHANGED("verification.changed"),
        /** The periodic re-check revoked the account's verification (R9). */
        VERIFICATION_REVOKED("verification.revoked");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The name in the event's {@code type} and in a subscription's {@code events}, e.g. {@code application.approved}. */
        public String wireName() {
            return wireName;
        }

        public static Optional<Type> ofWireName(String name) {
            return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
        }
    }
}
