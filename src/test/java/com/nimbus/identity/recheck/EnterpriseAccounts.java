package com.nimbus.identity.recheck;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.IdentityType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data written straight into the database: accounts verified as an enterprise (with the approved
 * application they were verified with and their quota slot taken), and entries of the database registry.
 */
final class EnterpriseAccounts {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final QuotaService quotas;
    private final TransactionTemplate tx;

    EnterpriseAccounts(JdbcTemplate jdbc, FieldCipher cipher, QuotaService quotas, PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.quotas = quotas;
        this.tx = new TransactionTemplate(txm);
    }

    /** An account of region CN verified as the enterprise with this name, address and registration number. */
    String verified(String name, String address, String registrationNumber) {
        String number = DocumentNumbers.normalise(registrationNumber);
        String accountId = UUID.randomUUID().toString();
        String applicationId = UUID.randomUUID().toString();
        String identityKey = identityKey(number);
        Timestamp verifiedAt = Timestamp.from(Instant.now().minus(40, ChronoUnit.DAYS));
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into account (id, email, phone, registration_region, language, status, created_at, version) "
                    + "values (?, ?, '+8613800138000', 'CN', 'en', 'UNVERIFIED', ?, 0)",
                    accountId, "holder-" + accountId.substring(0, 8) + "@example.com", verifiedAt);
            jdbc.update("insert into verification_application (id, account_id, kind, identity_type, status, region, "
                    + "holder_name, holder_address, document_type, document_number_enc, document_number_masked, "
                    + "identity_key, submitted_at, decided_at, decided_by, version) "
                    + "values (?, ?, 'INITIAL', 'ENTERPRISE', 'APPROVED', 'CN', ?, ?, 'BUSINESS_LICENSE', ?, ?, ?, ?, ?, 'alice', 0)",
                    applicationId, accountId, name, address, cipher.encryptText(number, applicationId), DocumentNumbers.mask(number),
                    identityKey, verifiedAt, verifiedAt);
            if (!quotas.take(identityKey, IdentityType.ENTERPRISE)) {
                throw new IllegalStateException("the enterprise's quota is full");
            }
            jdbc.update("update account set status = 'VERIFIED', identity_type = 'ENTERPRISE', verified_application_id = ?, "
                    + "identity_key = ?, verified_name = ?, masked_document_number = ?, verified_at = ? where id = ?",
                    applicationId, identityKey, name, DocumentNumbers.mask(number), verifiedAt, accountId);
        });
        return accountId;
    }

    String identityKey(String registrationNumber) {
        return quotas.identityKey("CN", DocumentType.BUSINESS_LICENSE, DocumentNumbers.normalise(registrationNumber));
    }

    /** An entry of the database registry, region CN. */
    void register(String registrationNumber, String name, String address, EnterpriseStatus status) {
        jdbc.update("insert into enterprise_registry_entry (region, registration_number, name, registered_address, "
                + "status, updated_at) values ('CN', ?, ?, ?, ?, ?)",
                DocumentNumbers.normalise(registrationNumber), name, address, status.name(), Timestamp.from(Instant.now()));
    }

    int revokedMessages(String accountId) {
        return jdbc.queryForObject("select count(*) from message where account_id = ? and event = 'VERIFICATION_REVOKED'",
                Integer.class, accountId);
    }
}
