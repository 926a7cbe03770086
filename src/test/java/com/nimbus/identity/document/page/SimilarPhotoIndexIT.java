package com.nimbus.identity.document.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, through the application's own queries: the band index finds exactly what a full scan of
 * {@code document_page} finds, for every distance the setting allows, and the plan looks the bands up by their indexes
 * instead of reading the table.
 */
@IntegrationTest
class SimilarPhotoIndexIT {

    @Autowired JdbcTemplate jdbc;
    @Autowired SimilarPhotoIndex index;

    @Test
    void findsWhatAFullScanFindsOnAGeneratedSet() {
        GeneratedFingerprints set = new GeneratedFingerprints(jdbc, 1122).write(40, 2500);
        try {
            int hits = set.assertIndexFindsWhatAFullScanFinds(index, 60);
            assertThat(hits).as("the set holds near copies to find").isGreaterThan(300);
        } finally {
            set.remove();
        }
    }

    @Test
    void theLookupUsesTheBandIndexes() {
        GeneratedFingerprints set = new GeneratedFingerprints(jdbc, 7).write(10, 2500);
        try {
            jdbc.execute("analyze document_page");
            List<Map<String, Object>> plan = jdbc.queryForList("explain select application_id, page_no, fingerprint "
                    + "from document_page where (band_1 in (1, 2, 3) or band_2 in (4, 5) or band_3 in (6, 7)) "
                    + "and account_id <> 'x'");
            String text = plan.stream().map(row -> row.values().iterator().next().toString())
                    .reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains("document_page_band_1", "document_page_band_2", "document_page_band_3")
                    .doesNotContain("Seq Scan");
        } finally {
            set.remove();
        }
    }
}
