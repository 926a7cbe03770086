package com.nimbus.identity.webhook;

import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.AccountEvent;
import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook subscriptions of API clients. Each belongs to the client that made it (the authenticated user of the group
 * {@code api-clients}): another client can neither see, rotate nor delete it. The {@code whsec_} secret is generated
 * here, shown once in the answer that creates (or rotates) it, and stored encrypted like document numbers.
 */
@Service
public class WebhookSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);
    static final String KNOWN_TYPES = Arrays.stream(AccountEvent.Type.values()).map(AccountEvent.Type::wireName)
            .collect(Collectors.joining(", "));

    /** A new subscription, with its secret: the only time the secret is shown. */
    public record Created(String id, String url, List<String> events, String secret, Instant createdAt) {
    }

    public record Subscription(String id, String url, List<String> events, Instant createdAt) {
    }

    /** A rotated secret: the new one, shown once, and until when the previous one signs too. */
    public record Rotated(String id, String secret, Instant previousSecretExpiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final TargetPolicy policy;
    private final FieldCipher cipher;
    private final Clock clock;
    private final WebhookProperties properties;

    WebhookSubscriptions(JdbcTemplate jdbc, TargetPolicy policy, FieldCipher cipher, Clock clock,
                         WebhookProperties properties) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.cipher = cipher;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Subscribes {@code client} to the event types {@code events} at {@code url}. The subscription receives the events
     * that enter the feed from now on.
     *
     * @throws ValidationFailed for a URL the target rules refuse, or no, or an unknown event type
     */
    public Created create(String client, String url, List<String> events) {
        // no transaction: the URL's host is resolved first, and then one row is inserted
        List<FieldError> errors = new ArrayList<>();
        policy.refusal(url).ifPresent(why -> errors.add(new FieldError("url", why)));
        List<String> types = eventTypes(events, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String id = UUID.randomUUID().toString();
        String secret = WebhookSecret.generate();
        Instant now = clock.instant();
        jdbc.update("insert into webhook_subscription (id, client, url, event_types, secret_enc, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", id, client, url.strip(), String.join(",", types),
                cipher.encryptText(secret), now.atOffset(ZoneOffset.UTC));
        log.info("Webhook subscription {} of {} to {} for {}", id, client, url.strip(), types);
        return new Created(id, url.strip(), types, secret, now);
    }

    @Transactional(readOnly = true)
    public List<Subscription> list(String client) {
        return jdbc.query("select id, url, event_types, created_at from webhook_subscription where client = ? "
                        + "order by created_at, id",
                (rs, row) -> new Subscription(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split(",")),
                        rs.getTimestamp(4).toInstant()),
                client);
    }

    /** Ends the subscription; what it still had to deliver is dropped with it. */
    @Transactional
    public void delete(String client, String subscriptionId) {
        if (jdbc.update("delete from webhook_subscription where id = ? and client = ?", subscriptionId, client) != 1) {
            throw new WebhookSubscriptionNotFound(subscriptionId);
        }
        log.info("Webhook subscription {} of {} deleted", subscriptionId, client);
    }

    /**
     * Gives the subscription a new secret, shown once; the current one keeps signing too (a second signature in
     * {@code webhook-signature}) for {@code identity.webhooks.secret-overlap}, so receivers can switch without
     * losing an event. A rotation during an overlap ends the older overlap.
     */
    @Transactional
    public Rotated rotateSecret(String client, String subscriptionId) {
        List<String> current = jdbc.queryForList("select secret_enc from webhook_subscription where id = ? and client = ? "
                + "for update", String.class, subscriptionId, client);
        if (current.isEmpty()) {
            throw new WebhookSubscriptionNotFound(subscriptionId);
        }
        String secret = WebhookSecret.generate();
        Instant until = clock.instant().plus(properties.secretOverlap());
        jdbc.update("update webhook_subscription set secret_enc = ?, previous_secret_enc = ?, previous_secret_until = ? "
                        + "where id = ?", cipher.encryptText(secret), current.get(0), until.atOffset(ZoneOffset.UTC),
                subscriptionId);
        log.info("Webhook subscription {} of {}: secret rotated, the previous one signs until {}", subscriptionId,
                client, until);
        return new Rotated(subscriptionId, secret, until);
    }

    /** The secrets that sign a delivery at {@code now}: the current one, and the previous one while its overlap lasts. */
    List<String> signingSecrets(Deliveries.Claimed claimed, Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(cipher.decryptText(claimed.secretEnc()));
        Optional.ofNullable(claimed.previousSecretEnc())
                .filter(previous -> claimed.previousSecretUntil() != null && now.isBefore(claimed.previousSecretUntil()))
                .ifPresent(previous -> secrets.add(cipher.decryptText(previous)));
        return secrets;
    }

    private static List<String> eventTypes(List<String> events, List<FieldError> errors) {
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "must name at least one event type: " + KNOWN_TYPES));
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String name : events) {
            String type = name == null ? "" : name.strip();
            if (AccountEvent.Type.ofWireName(type).isEmpty()) {
                errors.add(new FieldError("events", "has an unknown event type '" + type + "'; known: " + KNOWN_TYPES));
            } else {
                types.add(type);
            }
        }
        return List.copyOf(types);
    }
}
