package com.nimbus.identity.lifecycle;

import com.nimbus.identity.audit.AuditLog;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.document.store.DocumentObjectMissing;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.AuditAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates the keys of identity data while the service runs. Everything sealed with a key other than
 * {@code identity.crypto.active-key-id} (or by an earlier version) is sealed again with it, in batches of
 * {@value #BATCH} rows, each batch a transaction of its own: document numbers, document page objects, webhook
 * secrets and stored {@code Idempotency-Key} answers. A row changed by someone else meanwhile is left for the next
 * pass; passes repeat until one finds nothing left, so the rotation can be run again at any time and resumes where
 * it stopped. When {@code identity.crypto.active-fingerprint-key-id} differs from the key the quota keys are made
 * with, every quota key is rebuilt with the new key in one transaction, counts carried over.
 */
@Service
public class KeyRotation {

    static final int BATCH = 200;
    private static final int MAX_PASSES = 5;
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final DocumentStore store;
    private final QuotaService quotas;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    KeyRotation(JdbcTemplate jdbc, FieldCipher cipher, DocumentStore store, QuotaService quotas, AuditLog audit,
                PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.store = store;
        this.quotas = quotas;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a rotation sealed again and rebuilt. */
    public record Report(String activeKeyId, int documentNumbers, int pageObjects, int webhookSecrets,
                         int storedAnswers, String fingerprintKeyId, int quotaKeysRebuilt) {
    }

    /** Runs a rotation to its end; a second call while one runs on this node waits for it. */
    public Report rotate(String actor) {
        oneAtATime.lock();
        try {
            int numbers = 0;
            int objects = 0;
            int secrets = 0;
            int answers = 0;
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                int n = resealNumbers();
                int o = resealPageObjects();
                int s = resealWebhookSecrets();
                int a = resealStoredAnswers();
                numbers += n;
                objects += o;
                secrets += s;
                answers += a;
                if (n + o + s + a == 0) {
                    break;
                }
            }
            int rebuilt = rebuildQuotaKeys();
            Report report = new Report(cipher.keyId(), numbers, objects, secrets, answers, quotas.fingerprintKeyInUse(),
                    rebuilt);
            transaction.executeWithoutResult(status -> audit.record(actor, AuditAction.KEYS_ROTATED, null, null,
                    "key " + report.activeKeyId() + ": " + report.documentNumbers() + " document numbers, "
                            + report.pageObjects() + " page objects, " + report.webhookSecrets() + " webhook secrets, "
                            + report.storedAnswers() + " stored answers; fingerprint key " + report.fingerprintKeyId()
                            + ": " + report.quotaKeysRebuilt() + " quota keys rebuilt"));
            log.info("Key rotation by {}: {}", actor, report);
            return report;
        } finally {
            oneAtATime.unlock();
        }
    }

    private int resealNumbers() {
        int count = 0;
        String after = "";
        while (true) {
            record Row(String id, String sealed) {
            }
            List<Row> rows = jdbc.query("select id, document_number_enc from verification_application where id > ? "
                    + "and document_number_enc is not null order by id fetch first " + BATCH + " rows only",
                    (rs, n) -> new Row(rs.getString(1), rs.getString(2)), after);
            if (rows.isEmpty()) {
                return count;
            }
            after = rows.get(rows.size() - 1).id();
            List<Row> stale = rows.stream().filter(row -> cipher.needsResealingText(row.sealed())).toList();
            if (!stale.isEmpty()) {
                count += transaction.execute(status -> {
                    int done = 0;
                    for (Row row : stale) {
                        String fresh;
                        try {
                            fresh = cipher.encryptText(cipher.decryptText(row.sealed(), row.id()), row.id());
                        } catch (IllegalStateException e) {
                            unreadable("the document number of application " + row.id(), e);
                            continue;
                        }
                        done += jdbc.update("update verification_application set document_number_enc = ? "
                                + "where id = ? and document_number_enc = ?", fresh, row.id(), row.sealed());
                    }
                    return done;
                });
            }
        }
    }

    private int resealPageObjects() {
        int count = 0;
        String after = "";
        while (true) {
            record Row(String objectKey, String applicationId) {
            }
            List<Row> rows = jdbc.query("select distinct object_key, application_id from document_page "
                    + "where key_id <> ? and object_key > ? order by object_key fetch first " + BATCH + " rows only",
                    (rs, n) -> new Row(rs.getString(1), rs.getString(2)), cipher.keyId(), after);
            if (rows.isEmpty()) {
                return count;
            }
            after = rows.get(rows.size() - 1).objectKey();
            for (Row row : rows) {
                byte[] sealed;
                try {
                    sealed = store.get(row.objectKey());
                } catch (DocumentObjectMissing e) {
                    continue; // deleted meanwhile (retention, erasure)
                }
                if (cipher.needsResealing(sealed)) {
                    byte[] plain;
                    try {
                        plain = cipher.decrypt(sealed, row.applicationId());
                    } catch (IllegalStateException e) {
                        unreadable("object " + row.objectKey(), e);
                        continue;
                    }
                    store.put(row.objectKey(), cipher.encrypt(plain, row.applicationId()));
                }
                count += jdbc.update("update document_page set key_id = ? where object_key = ?", cipher.keyId(),
                        row.objectKey()) > 0 ? 1 : 0;
            }
        }
    }

    private int resealWebhookSecrets() {
        int count = 0;
        String after = "";
        while (true) {
            record Row(String id, String secret, String previous) {
            }
            List<Row> rows = jdbc.query("select id, secret_enc, previous_secret_enc from webhook_subscription "
                    + "where id > ? order by id fetch first " + BATCH + " rows only",
                    (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)), after);
            if (rows.isEmpty()) {
                return count;
            }
            after = rows.get(rows.size() - 1).id();
            for (Row row : rows) {
                boolean secretStale = cipher.needsResealingText(row.secret());
                boolean previousStale = row.previous() != null && cipher.needsResealingText(row.previous());
                if (secretStale || previousStale) {
                    String secret = secretStale ? cipher.encryptText(cipher.decryptText(row.secret())) : row.secret();
                    String previous = previousStale ? cipher.encryptText(cipher.decryptText(row.previous()))
                            : row.previous();
                    count += row.previous() == null
                            ? jdbc.update("update webhook_subscription set secret_enc = ? where id = ? and secret_enc = ? "
                                    + "and previous_secret_enc is null", secret, row.id(), row.secret())
                            : jdbc.update("update webhook_subscription set secret_enc = ?, previous_secret_enc = ? "
                                    + "where id = ? and secret_enc = ? and previous_secret_enc = ?", secret, previous,
                                    row.id(), row.secret(), row.previous());
                }
            }
        }
    }

    private int resealStoredAnswers() {
        int count = 0;
        String afterClient = "";
        String afterKey = "";
        while (true) {
            record Row(String client, String key, byte[] body) {
            }
            List<Row> rows = jdbc.query("select client_id, idem_key, body from idempotency_key "
                    + "where (client_id > ? or (client_id = ? and idem_key > ?)) order by client_id, idem_key "
                    + "fetch first " + BATCH + " rows only",
                    (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)), afterClient, afterClient,
                    afterKey);
            if (rows.isEmpty()) {
                return count;
            }
            afterClient = rows.get(rows.size() - 1).client();
            afterKey = rows.get(rows.size() - 1).key();
            for (Row row : rows) {
                if (row.body() != null && cipher.needsResealing(row.body())) {
                    count += jdbc.update("update idempotency_key set body = ? where client_id = ? and idem_key = ?",
                            cipher.encrypt(cipher.decrypt(row.body())), row.client(), row.key());
                }
            }
        }
    }

    /**
     * Rebuilds every quota key with the active fingerprint key when the stored ones are made with another: in one
     * transaction that first locks the row naming the key in use, then rewrites each application's key (waiting for
     * an approval that holds the application), the accounts' keys and the quota rows, counts carried over. Later
     * passes catch applications submitted under the old key while it ran.
     */
    private int rebuildQuotaKeys() {
        String target = cipher.fingerprintKeyId();
        if (target.equals(quotas.fingerprintKeyInUse())) {
            return 0;
        }
        if (target.equals(cipher.legacyKeyId())) {
            throw new IllegalStateException("quota keys are rebuilt only with a named fingerprint key "
                    + "(identity.crypto.fingerprint-keys)");
        }
        int rebuilt = transaction.execute(status -> {
            jdbc.queryForList("select key_id from quota_fingerprint_key where id = 1 for update", String.class);
            int done = rebuildApplicationsNotUnder(target);
            jdbc.update("update quota_fingerprint_key set key_id = ? where id = 1", target);
            return done;
        });
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int late = transaction.execute(status -> rebuildApplicationsNotUnder(target));
            rebuilt += late;
            if (late == 0) {
                break;
            }
        }
        return rebuilt;
    }

    private int rebuildApplicationsNotUnder(String target) {
        record Row(String id, String region, String documentType, String sealed, String identityKey) {
        }
        List<Row> rows = jdbc.query("select id, region, document_type, document_number_enc, identity_key "
                        + "from verification_application where document_number_enc is not null "
                        + "and identity_key not like ?",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                "%:" + target + ".%");
        Map<String, String> renamed = new LinkedHashMap<>();
        List<Object[]> updates = new ArrayList<>();
        for (Row row : rows) {
            String number;
            try {
                number = cipher.decryptText(row.sealed(), row.id());
            } catch (IllegalStateException e) {
                unreadable("the document number of application " + row.id(), e);
                continue;
            }
            String fresh = quotas.identityKey(target, row.region(), DocumentType.valueOf(row.documentType()), number);
            renamed.put(row.identityKey(), fresh);
            updates.add(new Object[] {fresh, row.id()});
        }
        jdbc.batchUpdate("update verification_application set identity_key = ? where id = ?", updates);
        renamed.forEach((old, fresh) -> {
            jdbc.update("update account set identity_key = ? where identity_key = ?", fresh, old);
            Integer existing = jdbc.queryForObject("select count(*) from identity_quota where identity_key = ?",
                    Integer.class, fresh);
            Integer oldRows = jdbc.queryForObject("select count(*) from identity_quota where identity_key = ?",
                    Integer.class, old);
            if (oldRows == null || oldRows == 0) {
                return;
            }
            if (existing != null && existing > 0) {
                int carried = jdbc.queryForObject("select used from identity_quota where identity_key = ?",
                        Integer.class, old);
                jdbc.update("update identity_quota set used = used + ?, quota_limit = greatest(quota_limit, used + ?) "
                        + "where identity_key = ?", carried, carried, fresh);
                jdbc.update("delete from identity_quota where identity_key = ?", old);
            } else {
                jdbc.update("update identity_quota set identity_key = ? where identity_key = ?", fresh, old);
            }
        });
        return updates.size();
    }

    /** Data no configured key opens is left as it is (it was lost before the rotation) and named in the log. */
    private static void unreadable(String what, IllegalStateException e) {
        log.error("Key rotation: {} cannot be opened and is left as it is: {}", what, e.getMessage());
    }
}
