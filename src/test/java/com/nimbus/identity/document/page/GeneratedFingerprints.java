package com.nimbus.identity.document.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.photo.PhotoFingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated set of page fingerprints written into {@code document_page} (random ones, and families of near copies
 * of some, spread over several accounts), and the proof that the band index finds exactly what a full scan of the
 * table finds, through the real queries of {@link SimilarPhotoIndex}.
 */
final class GeneratedFingerprints {

    private final JdbcTemplate jdbc;
    private final Random random;
    private final List<String> accounts = new ArrayList<>();
    private final List<Long> families = new ArrayList<>();

    GeneratedFingerprints(JdbcTemplate jdbc, long seed) {
        this.jdbc = jdbc;
        this.random = new Random(seed);
    }

    /** Writes {@code applications} applications of four pages each, over {@code accountCount} accounts. */
    GeneratedFingerprints write(int accountCount, int applications) {
        PageRepository repository = new PageRepository(jdbc);
        for (int a = 0; a < accountCount; a++) {
            accounts.add(PageTables.account(jdbc));
        }
        for (int f = 0; f < applications / 10; f++) {
            families.add(random.nextLong());
        }
        for (int i = 0; i < applications; i++) {
            String accountId = accounts.get(i % accountCount);
            String applicationId = PageTables.application(jdbc, accountId);
            List<PageRepository.NewPage> pages = new ArrayList<>();
            Map<Integer, Long> fingerprints = new HashMap<>();
            for (int page = 1; page <= 4; page++) {
                pages.add(new PageRepository.NewPage(applicationId, page, accountId, "applications/" + applicationId
                        + "/part-" + page, 1, com.nimbus.identity.document.DocumentFormat.PNG, 1, "0".repeat(64), "k",
                        Instant.now()));
                boolean nearAFamily = random.nextInt(3) == 0;
                fingerprints.put(page, nearAFamily
                        ? flip(families.get(random.nextInt(families.size())), random.nextInt(13)) : random.nextLong());
            }
            repository.insert(pages);
            repository.recordFingerprints(applicationId, fingerprints);
        }
        return this;
    }

    /** For every distance 0 to 11 and many queries, the index's hits equal a full scan's. Returns the hits seen. */
    int assertIndexFindsWhatAFullScanFinds(SimilarPhotoIndex index, int queries) {
        List<Object[]> table = jdbc.query("select application_id, page_no, account_id, fingerprint from document_page "
                + "where fingerprint is not null", (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getLong(4)});
        int seen = 0;
        for (int q = 0; q < queries; q++) {
            long query = q % 2 == 0 ? flip(families.get(random.nextInt(families.size())), random.nextInt(7))
                    : random.nextLong();
            String asAccount = accounts.get(random.nextInt(accounts.size()));
            for (int maxDistance = 0; maxDistance <= 11; maxDistance++) {
                Set<String> expected = new TreeSet<>();
                for (Object[] row : table) {
                    if (!row[2].equals(asAccount) && PhotoFingerprint.distance(query, (Long) row[3]) <= maxDistance) {
                        expected.add(row[0] + "#" + row[1] + "@" + PhotoFingerprint.distance(query, (Long) row[3]));
                    }
                }
                Set<String> found = new TreeSet<>();
                index.within(asAccount, query, maxDistance)
                        .forEach(hit -> found.add(hit.applicationId() + "#" + hit.pageNo() + "@" + hit.distance()));
                assertThat(found).as("query %016x within %d for account %s", query, maxDistance, asAccount)
                        .isEqualTo(expected);
                seen += expected.size();
            }
        }
        return seen;
    }

    private long flip(long value, int bits) {
        long mask = 0;
        while (Long.bitCount(mask) < bits) {
            mask |= 1L << random.nextInt(64);
        }
        return value ^ mask;
    }

    /** Removes what {@link #write} wrote. */
    void remove() {
        for (String account : accounts) {
            jdbc.update("delete from document_page where account_id = ?", account);
            jdbc.update("delete from verification_application where account_id = ?", account);
            jdbc.update("delete from account where id = ?", account);
        }
    }
}
