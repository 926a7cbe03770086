package com.nimbus.identity.webhook;

import com.nimbus.identity.event.FeedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code webhook_delivery}: one row per (event, subscription), created when the event gets its place in the
 * feed, claimed by a dispatcher for an attempt, and then DELIVERED, due again later, or FAILED.
 * <p>
 * A claim is {@code select ... for update skip locked} of due rows (several nodes claim side by side, never the same
 * row), which moves the row's {@code next_attempt_at} past the attempt (the lease) and marks it with a
 * {@code claim_token}; the claim commits before the request is sent, so no transaction or connection is held while a
 * target answers. The outcome is recorded only under that token: if a node died mid-attempt, its lease runs out, the
 * row is claimed again (at least once), and the late outcome of the first attempt, should it come, is ignored.
 */
@Repository
class Deliveries {

    /** A claimed delivery, with what its attempt needs. */
    record Claimed(String id, String claimToken, int attempts, Instant firstAttemptAt, String subscriptionId,
                   String url, String secretEnc, String previousSecretEnc, Instant previousSecretUntil,
                   String webhookId, String body) {
    }

    /** A delivery as operators see it. */
    record View(String id, String status, String subscriptionId, String client, String url, String webhookId,
                String type, String accountId, long sequence, int attempts, Instant firstAttemptAt,
                Instant lastAttemptAt, Instant nextAttemptAt, String lastAnswer, Instant deliveredAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Deliveries(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One delivery per subscription that takes the event's type, due now; in the caller's transaction. */
    int fanOut(List<FeedEvent> events) {
        Map<String, Set<String>> subscriptions = new HashMap<>();
        jdbc.query("select id, event_types from webhook_subscription", rs -> {
            subscriptions.put(rs.getString(1), Set.of(rs.getString(2).split(",")));
        });
        if (subscriptions.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = utc(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (FeedEvent event : events) {
            subscriptions.forEach((subscriptionId, types) -> {
                if (types.contains(event.type())) {
                    rows.add(new Object[] {UUID.randomUUID().toString(), event.id(), subscriptionId, now, now});
                }
            });
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into webhook_delivery (id, event_id, subscription_id, status, attempts, "
                    + "next_attempt_at, created_at) values (?, ?, ?, 'PENDING', 0, ?, ?)", rows);
        }
        return rows.size();
    }

    /**
     * Claims up to {@code max} due deliveries, at most {@code room.get(subscription)} (default {@code perEndpoint}) of
     * one subscription, none of {@code full} subscriptions, for {@code lease}; commits before it returns.
     */
    List<Claimed> claim(int max, Set<String> full, Map<String, Integer> room, int perEndpoint, java.time.Duration lease) {
        if (max <= 0) {
            return List.of();
        }
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Object> args = new ArrayList<>();
            args.add(utc(now));
            String exclude = "";
            if (!full.isEmpty()) {
                exclude = " and subscription_id not in (" + full.stream().map(s -> "?").collect(Collectors.joining(", ")) + ")";
                args.addAll(full);
            }
            args.add(max * 4);
            List<String[]> candidates = jdbc.query("select id, subscription_id from webhook_delivery"
                            + " where status = 'PENDING' and next_attempt_at <= ?" + exclude
                            + " order by next_attempt_at limit ? for update skip locked",
                    (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, args.toArray());
            Map<String, Integer> left = new HashMap<>(room);
            List<String> chosen = new ArrayList<>();
            for (String[] candidate : candidates) {
                int rest = left.getOrDefault(candidate[1], perEndpoint);
                if (rest > 0 && chosen.size() < max) {
                    chosen.add(candidate[0]);
                    left.put(candidate[1], rest - 1);
                }
            }
            if (chosen.isEmpty()) {
                return List.of();
            }
            String token = UUID.randomUUID().toString();
            OffsetDateTime leaseEnd = utc(now.plus(lease));
            jdbc.batchUpdate("update webhook_delivery set next_attempt_at = ?, claim_token = ? where id = ?",
                    chosen.stream().map(id -> new Object[] {leaseEnd, token, id}).toList());
            return jdbc.query("select d.id, d.claim_token, d.attempts, d.first_attempt_at, s.id, s.url, s.secret_enc, "
                            + "s.previous_secret_enc, s.previous_secret_until, e.event_id, e.body "
                            + "from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id "
                            + "join account_event e on e.id = d.event_id where d.claim_token = ?",
                    (rs, row) -> new Claimed(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs, 4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9),
                            rs.getString(10), rs.getString(11)),
                    token);
        });
    }

    /** Records a 2xx answer; false when the claim was lost meanwhile (its outcome is then not this attempt's). */
    boolean delivered(Claimed claimed, Instant at, String answer) {
        return jdbc.update("update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, "
                        + "first_attempt_at = coalesce(first_attempt_at, ?), last_attempt_at = ?, delivered_at = ?, "
                        + "last_answer = ?, next_attempt_at = null, claim_token = null where id = ? and claim_token = ?",
                utc(at), utc(at), utc(at), answer, claimed.id(), claimed.claimToken()) == 1;
    }

    /** Records a failed attempt: due again at {@code next}, or FAILED when {@code next} is null. */
    boolean failed(Claimed claimed, Instant at, String answer, Instant next) {
        return jdbc.update("update webhook_delivery set status = ?, attempts = attempts + 1, "
                        + "first_attempt_at = coalesce(first_attempt_at, ?), last_attempt_at = ?, last_answer = ?, "
                        + "next_attempt_at = ?, claim_token = null where id = ? and claim_token = ?",
                next == null ? "FAILED" : "PENDING", utc(at), utc(at), answer, next == null ? null : utc(next),
                claimed.id(), claimed.claimToken()) == 1;
    }

    /** Deliveries in {@code status} (all when null), newest first. */
    List<View> list(String status, int limit) {
        String where = status == null ? "" : " where d.status = ?";
        Object[] args = status == null ? new Object[] {limit} : new Object[] {status, limit};
        return jdbc.query("select d.id, d.status, s.id, s.client, s.url, e.event_id, e.type, e.account_id, e.sequence, "
                        + "d.attempts, d.first_attempt_at, d.last_attempt_at, d.next_attempt_at, d.last_answer, "
                        + "d.delivered_at from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id "
                        + "join account_event e on e.id = d.event_id" + where
                        + " order by d.created_at desc, d.id limit ?",
                (rs, row) -> new View(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                        rs.getInt(10), instant(rs, 11), instant(rs, 12), instant(rs, 13), rs.getString(14),
                        instant(rs, 15)),
                args);
    }

    /**
     * Makes a delivery due now with a fresh retry schedule, whatever its status (a delivered one is sent again);
     * false when there is no such delivery.
     */
    boolean redeliver(String deliveryId) {
        return jdbc.update("update webhook_delivery set status = 'PENDING', attempts = 0, first_attempt_at = null, "
                        + "next_attempt_at = ?, claim_token = null, delivered_at = null where id = ?",
                utc(clock.instant()), deliveryId) == 1;
    }

    /** How many deliveries wait: PENDING (due now or later) and FAILED (for an operator). */
    Map<String, Long> countWaiting() {
        Map<String, Long> counts = new HashMap<>();
        Arrays.asList("PENDING", "FAILED").forEach(s -> counts.put(s, 0L));
        jdbc.query("select status, count(*) from webhook_delivery where status in ('PENDING', 'FAILED') group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
