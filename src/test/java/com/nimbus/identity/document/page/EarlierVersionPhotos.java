package com.nimbus.identity.document.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.ConfiguredChecks;
import com.nimbus.identity.document.photo.DecodeSlots;
import com.nimbus.identity.document.photo.FingerprintBands;
import com.nimbus.identity.document.photo.PhotoAnalyser;
import com.nimbus.identity.document.store.FileSystemDocumentStore;
import com.nimbus.identity.security.CryptoProperties;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.LegacyCiphertext;
import com.nimbus.identity.support.Settings;
import com.nimbus.identity.support.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A database as an earlier version left it (photos in {@code document_photo}), migrated by this version: every photo
 * ends up in the document store as page 1 of its application, readable through the one way pages are read now.
 */
final class EarlierVersionPhotos {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final FileSystemDocumentStore store;
    private static final byte[] KEY = "an earlier version's key, 32 b.!".getBytes();
    private final FieldCipher cipher = new FieldCipher(new CryptoProperties(Base64.getEncoder().encodeToString(KEY)));
    private final List<String> applications = new ArrayList<>();
    private final List<byte[]> photos = new ArrayList<>();
    private final List<Long> fingerprints = new ArrayList<>();

    EarlierVersionPhotos(DataSource dataSource, Path directory) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.store = new FileSystemDocumentStore(directory);
    }

    /** Migrates to the version before document pages and stores {@code count} photos the earlier way. */
    EarlierVersionPhotos earlierVersionWith(int count) {
        Flyway all = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        MigrationVersion lastBeforePages = java.util.Arrays.stream(all.info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(MigrationVersion.fromVersion("50")) < 0).max(Comparator.naturalOrder()).orElseThrow();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(lastBeforePages).load().migrate();
        assertThat(jdbc.queryForObject("select count(*) from document_photo", Integer.class)).isZero();
        String account = PageTables.account(jdbc);
        for (int i = 0; i < count; i++) {
            String applicationId = PageTables.application(jdbc, account);
            byte[] photo = TestImages.documentPng();
            Long fingerprint = i % 3 == 2 ? null : new PhotoAnalyser(ConfiguredChecks.properties()).analyse(photo).fingerprint();
            jdbc.update("insert into document_photo (application_id, content_type, size_bytes, sha256, content_enc, "
                    + "photo_fingerprint) values (?, 'image/png', ?, ?, ?, ?)", applicationId, photo.length, "0".repeat(64),
                    LegacyCiphertext.seal(KEY, photo), fingerprint);
            applications.add(applicationId);
            photos.add(photo);
            fingerprints.add(fingerprint);
        }
        return this;
    }

    /** Migrates to this version, as the application does at start (the Java migration being a bean there). */
    EarlierVersionPhotos migrated() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new V51__MoveDocumentPhotosToTheDocumentStore(store, cipher)).load().migrate();
        return this;
    }

    void assertEveryPhotoIsAPageInTheStore() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) = 'document_photo'", Integer.class)).as("document_photo is gone").isZero();
        DocumentPages pages = new DocumentPages(new PageRepository(jdbc), store, cipher,
                new PdfDocuments(ConfiguredChecks.properties(), Settings.bound(DocumentPagesProperties.class)),
                new PhotoAnalyser(ConfiguredChecks.properties()), new DecodeSlots(1), Clock.systemUTC(),
                new DataSourceTransactionManager(dataSource));
        for (int i = 0; i < applications.size(); i++) {
            String applicationId = applications.get(i);
            assertThat(pages.pageCount(applicationId)).isEqualTo(1);
            DocumentPages.PageImage page = pages.page(applicationId, 1).orElseThrow();
            assertThat(page.contentType()).isEqualTo("image/png");
            assertThat(page.content()).isEqualTo(photos.get(i));
            Map<String, Object> row = jdbc.queryForMap("select object_key, size_bytes, content_hmac, key_id, fingerprint, "
                    + "band_1, band_2, band_3 from document_page where application_id = ?", applicationId);
            String key = (String) row.get("object_key");
            assertThat(key).isEqualTo("applications/" + applicationId + "/part-1-earlier-version");
            byte[] object = Files.readAllBytes(store.root().resolve(key));
            assertThat(object).isNotEqualTo(photos.get(i));
            assertThat(cipher.decrypt(object, applicationId)).isEqualTo(photos.get(i));
            assertThat(((Number) row.get("size_bytes")).intValue()).isEqualTo(photos.get(i).length);
            assertThat(row.get("content_hmac")).isEqualTo(cipher.fingerprint(photos.get(i)));
            assertThat(row.get("key_id")).isEqualTo(cipher.keyId());
            Long fingerprint = fingerprints.get(i);
            if (fingerprint == null) {
                assertThat(row.get("fingerprint")).isNull();
                assertThat(row.get("band_1")).isNull();
            } else {
                assertThat(((Number) row.get("fingerprint")).longValue()).isEqualTo(fingerprint);
                int[] bands = FingerprintBands.of(fingerprint);
                assertThat(((Number) row.get("band_1")).intValue()).isEqualTo(bands[0]);
                assertThat(((Number) row.get("band_2")).intValue()).isEqualTo(bands[1]);
                assertThat(((Number) row.get("band_3")).intValue()).isEqualTo(bands[2]);
                assertThat(new SimilarPhotoIndex(new PageRepository(jdbc)).within("someone-else", fingerprint, 0))
                        .as("found by the index").anySatisfy(hit -> assertThat(hit.applicationId()).isEqualTo(applicationId));
            }
        }
    }
}
