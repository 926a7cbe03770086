package com.nimbus.identity.document.page;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The photos of an earlier version move to the document store on the embedded default (H2); PostgreSQL: ...IT. */
class EarlierVersionPhotosH2Test {

    @TempDir Path directory;

    @Test
    void everyPhotoOfAnEarlierVersionBecomesPageOneInTheDocumentStore() throws Exception {
        DriverManagerDataSource dataSource = PageTables.h2("earlier");
        try {
            new EarlierVersionPhotos(dataSource, directory).earlierVersionWith(7).migrated().assertEveryPhotoIsAPageInTheStore();
        } finally {
            new JdbcTemplate(dataSource).execute("shutdown");
        }
    }
}
