package com.nimbus.identity.lifecycle;

import com.nimbus.identity.document.store.DocumentStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reduces an application to what the retention policy keeps: the masked number and the decision (status, reasons,
 * who decided and when). Its document pages go (rows in the caller's transaction, objects once it commits), and so
 * do the entered name, address, the sealed number, the quota key and the reviewer's comment.
 */
@Component
class IdentityData {

    private static final Logger log = LoggerFactory.getLogger(IdentityData.class);

    private final JdbcTemplate jdbc;
    private final DocumentStore store;

    IdentityData(JdbcTemplate jdbc, DocumentStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Reduces the application; returns how many document pages went. Must run in a transaction. */
    int reduce(String applicationId, Instant now) {
        List<String> objects = jdbc.queryForList("select distinct object_key from document_page where application_id = ?",
                String.class, applicationId);
        int pages = jdbc.update("delete from document_page where application_id = ?", applicationId);
        jdbc.update("update verification_application set holder_name = '', holder_address = '', "
                + "document_number_enc = null, identity_key = '', review_comment = null, data_reduced_at = ? "
                + "where id = ?", Timestamp.from(now), applicationId);
        deleteAfterCommit(objects);
        return pages;
    }

    /**
     * Deletes the objects once the rows that named them are gone for good. An object a failing store keeps is named by
     * no page any more, so the sweep of orphaned objects removes it later.
     */
    private void deleteAfterCommit(List<String> objects) {
        if (objects.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (String key : objects) {
                    try {
                        store.delete(key);
                    } catch (RuntimeException e) {
                        log.warn("Object {} not deleted now ({}); the sweep of orphaned objects removes it later", key,
                                e.toString());
                    }
                }
            }
        });
    }
}
