package com.nimbus.identity.quota;

import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.IdentityType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R4: one individual document verifies at most 1 account, one enterprise at most 5, or what the decision table
 * {@code identity-quota} in force says ({@link IdentityQuotaTable}).
 * <p>
 * An identity is known by its key: region, document type (for individuals) and a keyed fingerprint of the
 * normalised number, so that numbers are counted without being stored in clear. A slot is taken by one
 * conditional update that the database runs atomically with the limit in force at that moment
 * ({@code set quota_limit = limit, used = used + 1 ... where used < limit}), so concurrent approvals can never
 * exceed it, and a check constraint ({@code used <= quota_limit}) guards the same bound. A limit lowered below
 * what an identity already verifies takes nothing away: the update does not match, no new slot is taken, and the
 * row keeps its older, higher limit, so the constraint holds; slots freed later bring the count down under the
 * new limit.
 */
@Service
public class QuotaService {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final IdentityQuotaTable table;

    private volatile Boolean postgres;

    public QuotaService(JdbcTemplate jdbc, FieldCipher cipher, IdentityQuotaTable table) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.table = table;
    }

    /** How many accounts the identity may verify, by the table in force now. */
    public int limit(String identityKey, IdentityType type) {
        return table.accountsPerIdentity(type, identityKey);
    }

    /** The key an identity is counted under; {@code normalisedNumber} as {@code DocumentNumbers.normalise} gives it. */
    public String identityKey(String region, DocumentType type, String normalisedNumber) {
        return identityKey(fingerprintKeyInUse(), region, type, normalisedNumber);
    }

    /**
     * The fingerprint key a new application's identity key is made with, held until the caller's transaction ends:
     * on PostgreSQL it is read under a share lock, and a key rotation's rebuild locks the same row for update, so the
     * rebuild waits for submissions in flight and submissions that come meanwhile wait for it; no application is left
     * with a key made with the fingerprint key being retired. Called first in the submission's transaction, before it
     * locks anything the rebuild also locks (the account), so the two never wait for each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String holdFingerprintKey() {
        return fingerprintKeyId(true);
    }

    /**
     * The key an identity is counted under with the named fingerprint key: {@code region:kind:hmac} for the key
     * derived from {@code identity.crypto.key} (as before named keys), {@code region:kind:keyId.hmac} for another.
     */
    public String identityKey(String fingerprintKeyId, String region, DocumentType type, String normalisedNumber) {
        String kind = type.identityType() == IdentityType.ENTERPRISE ? "ENTERPRISE" : "INDIVIDUAL:" + type.name();
        String hmac = cipher.fingerprint(fingerprintKeyId, normalisedNumber);
        return region + ":" + kind + ":" + (fingerprintKeyId.equals(cipher.legacyKeyId()) ? hmac
                : fingerprintKeyId + "." + hmac);
    }

    /**
     * The fingerprint key the stored quota keys are made with (table {@code quota_fingerprint_key}); it changes only
     * when a key rotation has rebuilt them all.
     */
    public String fingerprintKeyInUse() {
        return fingerprintKeyId(false);
    }

    private String fingerprintKeyId(boolean sharedLock) {
        String recorded = jdbc.queryForObject("select key_id from quota_fingerprint_key where id = 1"
                + (sharedLock && isPostgres() ? " for share" : ""), String.class);
        String keyId = recorded != null ? recorded : cipher.legacyKeyId();
        if (keyId == null || !cipher.hasFingerprintKey(keyId)) {
            throw new IllegalStateException("the quota keys are made with fingerprint key "
                    + (keyId == null ? "derived from identity.crypto.key" : keyId)
                    + ", which is not configured: list it in identity.crypto.fingerprint-keys");
        }
        return keyId;
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** Whether the identity could verify one more account now (the early check at submission). */
    @Transactional(readOnly = true)
    public boolean hasRoom(String identityKey, IdentityType type) {
        return used(identityKey) < limit(identityKey, type);
    }

    /**
     * Takes one slot of the identity for an account being verified, under the limit in force now; false when the
     * quota is full.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean take(String identityKey, IdentityType type) {
        int limit = limit(identityKey, type);
        ensureRow(identityKey, limit);
        return jdbc.update("update identity_quota set quota_limit = ?, used = used + 1 "
                + "where identity_key = ? and used < ?", limit, identityKey, limit) == 1;
    }

    /**
     * Creates the identity's quota row if it is missing, behind a savepoint of the caller's transaction (same
     * connection): when two approvals create it at once, the later insert fails on the primary key and is
     * rolled back to the savepoint without harming the caller's transaction.
     */
    private void ensureRow(String identityKey, int limit) {
        Integer present = jdbc.queryForObject("select count(*) from identity_quota where identity_key = ?", Integer.class,
                identityKey);
        if (present != null && present > 0) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into identity_quota (identity_key, quota_limit, used) values (?, ?, 0)")) {
                insert.setString(1, identityKey);
                insert.setInt(2, limit);
                insert.executeUpdate();
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                connection.rollback(savepoint);
                if (!e.getSQLState().startsWith("23")) {
                    throw e;
                }
                // another approval created the row at the same moment: it is there, which is all this needs
            }
            return null;
        });
    }

    /**
     * Frees one slot: the one entry point for an account that changes away from an identity or whose
     * verification is revoked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String identityKey) {
        jdbc.update("update identity_quota set used = used - 1 where identity_key = ? and used > 0", identityKey);
    }

    /** How many accounts the identity verifies now. */
    @Transactional(readOnly = true)
    public int used(String identityKey) {
        return jdbc.query("select used from identity_quota where identity_key = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, identityKey);
    }
}
