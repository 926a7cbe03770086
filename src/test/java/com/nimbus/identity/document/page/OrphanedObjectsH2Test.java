package com.nimbus.identity.document.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentFormat;
import com.nimbus.identity.document.store.FileSystemDocumentStore;
import com.nimbus.identity.support.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Objects left by a rolled-back submission are removed once old enough; every object a page names stays. */
class OrphanedObjectsH2Test {

    @TempDir Path directory;

    private final Instant now = Instant.parse("2025-11-20T03:30:00Z");
    private JdbcTemplate jdbc;
    private FileSystemDocumentStore store;
    private OrphanedObjects sweep;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = PageTables.h2("orphans");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new FileSystemDocumentStore(directory);
        sweep = new OrphanedObjects(store, new PageRepository(jdbc), Clock.fixed(now, ZoneOffset.UTC),
                Settings.bound(DocumentPagesProperties.class));
    }

    @AfterEach
    void shutdown() {
        jdbc.execute("shutdown");
    }

    private String object(String key, Duration age) throws Exception {
        store.put(key, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(directory.resolve(key), FileTime.from(now.minus(age)));
        return key;
    }

    private void named(String key) {
        String account = PageTables.account(jdbc);
        String application = PageTables.application(jdbc, account);
        new PageRepository(jdbc).insert(List.of(new PageRepository.NewPage(application, 1, account, key, 1,
                DocumentFormat.PNG, 3, "0".repeat(64), "k", now.minus(Duration.ofDays(30)))));
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        store.list("", object -> keys.add(object.key()));
        return keys;
    }

    @Test
    void removesOldObjectsThatNoPageNamesAndKeepsTheRest() throws Exception {
        String kept = object("applications/a-1/part-1-x", Duration.ofDays(30));
        named(kept);
        String orphan = object("applications/a-2/part-1-y", Duration.ofDays(2));
        String inFlight = object("applications/a-3/part-1-z", Duration.ofMinutes(5));
        String elsewhere = object("other/a-4", Duration.ofDays(30));

        sweep.sweep();

        assertThat(keys()).containsExactlyInAnyOrder(kept, inFlight, elsewhere).doesNotContain(orphan);
    }

    @Test
    void removesOrphansInBatchesOfAnySize() throws Exception {
        for (int i = 0; i < 1234; i++) {
            String key = object("applications/b-" + i + "/part-1", Duration.ofDays(3));
            if (i % 100 == 0) {
                named(key);
            }
        }
        assertThat(sweep.removeWrittenBefore(now.minus(Duration.ofDays(1)))).isEqualTo(1234 - 13);
        assertThat(keys()).hasSize(13);
    }
}
