package com.nimbus.identity.quota;

import com.nimbus.identity.account.IdentityType;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.security.FieldCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R4: one individual document verifies at most 1 account, one enterprise at most 5.
 * <p>
 * An identity is known by its key: region, document type (for individuals) and a keyed fingerprint of the
 * normalised number, so that numbers are counted without being stored in clear. Slots are taken by one
 * conditional update ({@code used < quota_limit}) that the database runs atomically, so concurrent
 * approvals can never exceed the quota, and a check constraint guards the same bound.
 */
@Service
public class QuotaService {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate newTransaction;

    public QuotaService(JdbcTemplate jdbc, FieldCipher cipher, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public static int limitFor(IdentityType type) {
        return type == IdentityType.ENTERPRISE ? 5 : 1;
    }

    /** The key an identity is counted under; {@code normalisedNumber} as {@code DocumentNumbers.normalise} gives it. */
    public String identityKey(String region, DocumentType type, String normalisedNumber) {
        String kind = type.identityType() == IdentityType.ENTERPRISE ? "ENTERPRISE" : "INDIVIDUAL:" + type.name();
        return region + ":" + kind + ":" + cipher.fingerprint(normalisedNumber);
    }

    /** Whether the identity could verify one more account now (the early check at submission). */
    @Transactional(readOnly = true)
    public boolean hasRoom(String identityKey, IdentityType type) {
        Integer used = jdbc.query("select used from identity_quota where identity_key = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, identityKey);
        return used < limitFor(type);
    }

    /** Takes one slot of the identity for an account being verified; false when the quota is full. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean take(String identityKey, IdentityType type) {
        ensureRow(identityKey, type);
        return jdbc.update("update identity_quota set used = used + 1 "
                + "where identity_key = ? and used < quota_limit", identityKey) == 1;
    }

    /**
     * Creates the identity's quota row if it is missing, in a transaction of its own: when two approvals
     * create it at once, one insert fails on the primary key without harming the caller's transaction.
     */
    private void ensureRow(String identityKey, IdentityType type) {
        try {
            newTransaction.executeWithoutResult(status -> {
                if (jdbc.queryForObject("select count(*) from identity_quota where identity_key = ?", Integer.class,
                        identityKey) == 0) {
                    jdbc.update("insert into identity_quota (identity_key, quota_limit, used) values (?, ?, 0)",
                            identityKey, limitFor(type));
                }
            });
        } catch (DuplicateKeyException createdConcurrently) {
            // the other transaction created it: the row is there, which is all this needs
        }
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
