package com.nimbus.identity.document.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The band index on H2 (the embedded default) finds exactly what a full scan finds; PostgreSQL: SimilarPhotoIndexIT. */
class SimilarPhotoIndexH2Test {

    private JdbcTemplate jdbc;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = PageTables.h2("index");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void shutdown() {
        jdbc.execute("shutdown");
    }

    @Test
    void findsWhatAFullScanFindsOnAGeneratedSet() {
        GeneratedFingerprints set = new GeneratedFingerprints(jdbc, 42).write(20, 500);
        int hits = set.assertIndexFindsWhatAFullScanFinds(new SimilarPhotoIndex(new PageRepository(jdbc)), 40);
        assertThat(hits).as("the set holds near copies to find").isGreaterThan(200);
    }

    @Test
    void neverFindsThePagesOfTheSameAccount() {
        String account = PageTables.account(jdbc);
        String application = PageTables.application(jdbc, account);
        PageRepository repository = new PageRepository(jdbc);
        repository.insert(java.util.List.of(new PageRepository.NewPage(application, 1, account, "applications/x/part-1", 1,
                com.nimbus.identity.document.DocumentFormat.PNG, 1, "0".repeat(64), "k", java.time.Instant.now())));
        repository.recordFingerprints(application, java.util.Map.of(1, 0x0123_4567_89AB_CDEFL));
        SimilarPhotoIndex index = new SimilarPhotoIndex(repository);
        assertThat(index.nearestOfOtherAccounts(account, 0x0123_4567_89AB_CDEFL, 5)).isEmpty();
        assertThat(index.nearestOfOtherAccounts("another-account", 0x0123_4567_89AB_CDEFL ^ 0b101, 5)).hasValue(2);
        assertThat(index.nearestOfOtherAccounts("another-account", 0x0123_4567_89AB_CDEFL ^ 0b111111, 5)).isEmpty();
    }
}
