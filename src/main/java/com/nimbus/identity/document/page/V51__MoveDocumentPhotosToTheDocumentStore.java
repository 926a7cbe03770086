package com.nimbus.identity.document.page;

import com.nimbus.identity.document.photo.FingerprintBands;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.security.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the document photos of earlier versions (one per application, encrypted, in the table
 * {@code document_photo}) into the document store, records each as page 1 of its application in
 * {@code document_page} (with the fingerprint it had, and its bands), and drops {@code document_photo}: afterwards
 * there is one way to read a document. The photos were encrypted with the key {@link FieldCipher} holds, so their
 * sealed bytes go to the store as they are; they are decrypted only for their keyed hash.
 * <p>
 * One transaction: on PostgreSQL the table is locked first, so that a node of the earlier version still running
 * cannot add a photo that the drop would lose (its submission fails instead and its client tries again). Object keys
 * are fixed per application, so a run that fails half-way and is started again writes the same objects again. A
 * Spring bean (Spring Boot hands it to Flyway) because it needs the document store and the cipher.
 */
@Component
class V51__MoveDocumentPhotosToTheDocumentStore extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V51__MoveDocumentPhotosToTheDocumentStore.class);
    private static final int BATCH = 100;

    private final DocumentStore store;
    private final FieldCipher cipher;

    V51__MoveDocumentPhotosToTheDocumentStore(DocumentStore store, FieldCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    /** The key a photo of an earlier version is kept under. */
    static String objectKey(String applicationId) {
        return DocumentPages.OBJECT_PREFIX + applicationId + "/part-1-earlier-version";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("lock table document_photo in access exclusive mode");
            }
        }
        int moved = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                select p.application_id, a.account_id, a.submitted_at, p.content_type, p.size_bytes, p.content_enc,
                       p.photo_fingerprint
                  from document_photo p
                  join verification_application a on a.id = p.application_id
                 order by p.application_id""");
             PreparedStatement insert = connection.prepareStatement("""
                insert into document_page (application_id, page_no, account_id, object_key, source_page, content_type,
                                           size_bytes, content_hmac, key_id, created_at, fingerprint, band_1, band_2,
                                           band_3)
                values (?, 1, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            select.setFetchSize(BATCH);
            try (ResultSet photos = select.executeQuery()) {
                while (photos.next()) {
                    String applicationId = photos.getString("application_id");
                    byte[] sealed = photos.getBytes("content_enc");
                    String key = objectKey(applicationId);
                    store.put(key, sealed);
                    insert.setString(1, applicationId);
                    insert.setString(2, photos.getString("account_id"));
                    insert.setString(3, key);
                    insert.setString(4, photos.getString("content_type"));
                    insert.setInt(5, photos.getInt("size_bytes"));
                    insert.setString(6, cipher.fingerprint(cipher.decrypt(sealed)));
                    insert.setString(7, cipher.keyIdOf(sealed));
                    insert.setTimestamp(8, photos.getTimestamp("submitted_at"));
                    long fingerprint = photos.getLong("photo_fingerprint");
                    if (photos.wasNull()) {
                        for (int column = 9; column <= 12; column++) {
                            insert.setNull(column, column == 9 ? Types.BIGINT : Types.INTEGER);
                        }
                    } else {
                        int[] bands = FingerprintBands.of(fingerprint);
                        insert.setLong(9, fingerprint);
                        insert.setInt(10, bands[0]);
                        insert.setInt(11, bands[1]);
                        insert.setInt(12, bands[2]);
                    }
                    insert.addBatch();
                    if (++moved % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("drop table document_photo");
        }
        log.info("{} document photo(s) of earlier versions moved to the document store", moved);
    }
}
