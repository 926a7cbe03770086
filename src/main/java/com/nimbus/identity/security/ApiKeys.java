package com.nimbus.identity.security;

import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.PlainText;
import com.nimbus.identity.vocabulary.UserGroups;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of the API clients: issued and revoked by an administrator, each belonging to one user of the group
 * {@code api-clients}, whose name is then the caller's name wherever the API records who called. A key is
 * {@code idv_} followed by 256 random bits (base64url); it is shown once, when issued, and only its SHA-256 hash is
 * stored. A plain hash is enough for a random key of this length (no dictionary to try, no salt needed) and lets a
 * request find its key with one indexed lookup; passwords, which people choose, need a slow salted hash instead.
 * The time a key was last used is kept to the minute.
 */
@Service
public class ApiKeys {

    static final String PREFIX = "idv_";
    private static final int KEY_BYTES = 32;
    private static final int SHOWN_PREFIX = PREFIX.length() + 8;
    private static final int MAX_NAME = 100;
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    /** A key as administrators see it: never the key itself. */
    public record ApiKey(String id, String clientId, String name, String keyPrefix, Instant createdAt, String createdBy,
                         Instant lastUsedAt, Instant revokedAt, String revokedBy) {
    }

    /** A key just issued: the only time {@code key} is known. */
    public record Issued(ApiKey apiKey, String key) {
    }

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcTemplate jdbc, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** Issues a key for the API client {@code clientId}; {@code name} says where it is used. */
    @Transactional
    public Issued issue(String clientId, String name, String issuedBy) {
        List<FieldError> errors = new ArrayList<>();
        String client = clientId == null ? "" : clientId.strip();
        if (client.isEmpty()) {
            errors.add(new FieldError("clientId", "is required"));
        } else if (identity.createUserQuery().userId(client).memberOfGroup(UserGroups.API_CLIENTS).count() == 0) {
            errors.add(new FieldError("clientId", "must be a user of the group " + UserGroups.API_CLIENTS));
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            errors.add(new FieldError("name", "is required: say where the key is used, e.g. console-backend-prod"));
        } else if (label.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        } else {
            PlainText.problem(label).ifPresent(problem -> errors.add(new FieldError("name", problem)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey apiKey = new ApiKey(UUID.randomUUID().toString(), client, label, key.substring(0, SHOWN_PREFIX),
                clock.instant(), issuedBy, null, null, null);
        jdbc.update("insert into api_key (id, client_id, name, key_prefix, key_hash, created_at, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", apiKey.id(), client, label, apiKey.keyPrefix(), hash(key),
                at(apiKey.createdAt()), issuedBy);
        log.info("API key {} ({}) issued for client {} by {}", apiKey.id(), apiKey.keyPrefix(), client, issuedBy);
        return new Issued(apiKey, key);
    }

    /** The keys, newest first; of one client when {@code clientId} is given. */
    @Transactional(readOnly = true)
    public List<ApiKey> list(String clientId) {
        String select = "select * from api_key";
        return clientId == null || clientId.isBlank()
                ? jdbc.query(select + " order by created_at desc", ApiKeys::row)
                : jdbc.query(select + " where client_id = ? order by created_at desc", ApiKeys::row, clientId.strip());
    }

    /** Revokes a key from now on; revoking a revoked key changes nothing. */
    @Transactional
    public ApiKey revoke(String id, String revokedBy) {
        int revoked = jdbc.update("update api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                at(clock.instant()), revokedBy, id);
        ApiKey key = find(id).orElseThrow(() -> new ApiKeyNotFound(id));
        if (revoked > 0) {
            log.info("API key {} ({}) of client {} revoked by {}", id, key.keyPrefix(), key.clientId(), revokedBy);
        }
        return key;
    }

    /** The API client a presented key belongs to, if the key is known and not revoked; notes when it was used. */
    @Transactional
    public Optional<String> clientOf(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        List<ApiKey> found = jdbc.query("select * from api_key where key_hash = ? and revoked_at is null", ApiKeys::row,
                hash(presented));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = found.get(0);
        Instant now = clock.instant();
        jdbc.update("update api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                at(now), key.id(), at(now.minus(LAST_USED_PRECISION)));
        return Optional.of(key.clientId());
    }

    private Optional<ApiKey> find(String id) {
        return jdbc.query("select * from api_key where id = ?", ApiKeys::row, id).stream().findFirst();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static ApiKey row(ResultSet rs, int rowNum) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("client_id"), rs.getString("name"),
                rs.getString("key_prefix"), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
