package com.nimbus.identity.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The table {@code idempotency_key}: per API client and key, the fingerprint of the request and, once it succeeded,
 * the answer. Keys are kept {@link #RETENTION}; older ones are deleted every hour (and before a key is used again).
 */
@Component
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    /** A remembered request: its fingerprint and, when it succeeded, its answer. */
    record Stored(String requestHash, Integer status, String contentType, String location, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final StoredAnswerCipher cipher;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock, StoredAnswerCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
    }

    /**
     * Takes the key for this request in the current transaction, first dropping an expired use of it. Throws
     * {@code DuplicateKeyException} when the key is taken: a concurrent request holding it makes this wait until
     * that request's transaction ends.
     */
    void take(String client, String key, String requestHash) {
        Instant now = clock.instant();
        jdbc.update("delete from idempotency_key where client_id = ? and idem_key = ? and created_at < ?", client, key,
                at(now.minus(RETENTION)));
        jdbc.update("insert into idempotency_key (client_id, idem_key, request_hash, created_at) values (?, ?, ?, ?)",
                client, key, requestHash, at(now));
    }

    /** Remembers the answer of the request that holds the key, its body sealed ({@link StoredAnswerCipher}). */
    void answer(String client, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("update idempotency_key set status = ?, content_type = ?, location = ?, body = ? "
                + "where client_id = ? and idem_key = ?", status, contentType, location, cipher.seal(body), client, key);
    }

    /** The request that used the key within the last 24 hours, if any. */
    Optional<Stored> find(String client, String key) {
        return jdbc.query("select request_hash, status, content_type, location, body from idempotency_key "
                        + "where client_id = ? and idem_key = ? and created_at >= ?", this::row, client, key,
                at(clock.instant().minus(RETENTION))).stream().findFirst();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        int deleted = jdbc.update("delete from idempotency_key where created_at < ?", at(clock.instant().minus(RETENTION)));
        if (deleted > 0) {
            log.info("Deleted {} idempotency keys older than {}", deleted, RETENTION);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Stored row(ResultSet rs, int rowNum) throws SQLException {
        int status = rs.getInt("status");
        Integer answered = rs.wasNull() ? null : status;
        byte[] body = rs.getBytes("body");
        return new Stored(rs.getString("request_hash"), answered, rs.getString("content_type"),
                rs.getString("location"), body == null ? null : cipher.open(body));
    }
}
