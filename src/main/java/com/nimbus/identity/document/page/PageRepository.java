package com.nimbus.identity.document.page;

import com.nimbus.identity.document.DocumentFormat;
import com.nimbus.identity.document.photo.FingerprintBands;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code document_page}: one row per page, with the page's fingerprint and its bands once measured. */
@Repository
class PageRepository {

    private static final String COLUMNS = "application_id, page_no, object_key, source_page, content_type, size_bytes, "
            + "content_hmac, key_id, fingerprint, reencoded_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    PageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A page to record at submission. */
    record NewPage(String applicationId, int pageNo, String accountId, String objectKey, int sourcePage,
                   DocumentFormat format, int sizeBytes, String contentHmac, String keyId, Instant createdAt) {
    }

    /** A page of another account whose fingerprint shares a band with the one looked for. */
    record Candidate(String applicationId, int pageNo, long fingerprint) {
    }

    /** Records all pages of a submission in one batched statement. */
    void insert(List<NewPage> pages) {
        jdbc.batchUpdate("insert into document_page (application_id, page_no, account_id, object_key, source_page, "
                + "content_type, size_bytes, content_hmac, key_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                pages, pages.size(), (ps, p) -> {
                    ps.setString(1, p.applicationId());
                    ps.setInt(2, p.pageNo());
                    ps.setString(3, p.accountId());
                    ps.setString(4, p.objectKey());
                    ps.setInt(5, p.sourcePage());
                    ps.setString(6, p.format().mediaType());
                    ps.setInt(7, p.sizeBytes());
                    ps.setString(8, p.contentHmac());
                    ps.setString(9, p.keyId());
                    ps.setTimestamp(10, Timestamp.from(p.createdAt()));
                });
    }

    /** Deletes every page of the application (its document is being replaced). */
    int deleteOf(String applicationId) {
        return jdbc.update("delete from document_page where application_id = ?", applicationId);
    }

    List<StoredPage> pagesOf(String applicationId) {
        return jdbc.query("select " + COLUMNS + " from document_page where application_id = ? order by page_no",
                PageRepository::page, applicationId);
    }

    Optional<StoredPage> page(String applicationId, int pageNo) {
        return jdbc.query("select " + COLUMNS + " from document_page where application_id = ? and page_no = ?",
                PageRepository::page, applicationId, pageNo).stream().findFirst();
    }

    int count(String applicationId) {
        Integer count = jdbc.queryForObject("select count(*) from document_page where application_id = ?", Integer.class,
                applicationId);
        return count == null ? 0 : count;
    }

    /** Stores each page's fingerprint (page number to fingerprint) and the bands it is looked up by. */
    void recordFingerprints(String applicationId, Map<Integer, Long> fingerprints) {
        List<Map.Entry<Integer, Long>> entries = List.copyOf(fingerprints.entrySet());
        jdbc.batchUpdate("update document_page set fingerprint = ?, band_1 = ?, band_2 = ?, band_3 = ? "
                + "where application_id = ? and page_no = ?", entries, entries.size(), (ps, e) -> {
                    int[] bands = FingerprintBands.of(e.getValue());
                    ps.setLong(1, e.getValue());
                    ps.setInt(2, bands[0]);
                    ps.setInt(3, bands[1]);
                    ps.setInt(4, bands[2]);
                    ps.setString(5, applicationId);
                    ps.setInt(6, e.getKey());
                });
    }

    /**
     * Points page {@code pageNo} at its re-encoded object, if it still names {@code oldKey} (a document replaced
     * meanwhile has other rows); true when it did.
     */
    boolean recordReencoded(String applicationId, int pageNo, String oldKey, String newKey, int sizeBytes,
                            String contentHmac, String keyId, Instant at) {
        return jdbc.update("update document_page set object_key = ?, size_bytes = ?, content_hmac = ?, key_id = ?, "
                + "reencoded_at = ? where application_id = ? and page_no = ? and object_key = ?", newKey, sizeBytes,
                contentHmac, keyId, Timestamp.from(at), applicationId, pageNo, oldKey) == 1;
    }

    /**
     * The pages of accounts other than {@code accountId} whose fingerprint has, in at least one band, one of the
     * values {@code probes} lists for that band (see {@link FingerprintBands#probes}): each band's index is looked up,
     * never the whole table.
     */
    List<Candidate> candidates(String accountId, int[][] probes) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("accountId", accountId);
        for (int b = 0; b < FingerprintBands.COUNT; b++) {
            parameters.addValue("band" + (b + 1), java.util.Arrays.stream(probes[b]).boxed().toList());
        }
        return named.query("""
                select application_id, page_no, fingerprint
                  from document_page
                 where (band_1 in (:band1) or band_2 in (:band2) or band_3 in (:band3))
                   and account_id <> :accountId""", parameters,
                (rs, n) -> new Candidate(rs.getString(1), rs.getInt(2), rs.getLong(3)));
    }

    /** Which of {@code objectKeys} some page names. */
    Set<String> referenced(Collection<String> objectKeys) {
        if (objectKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select distinct object_key from document_page where object_key in (:keys)",
                Map.of("keys", objectKeys), String.class));
    }

    private static StoredPage page(ResultSet rs, int row) throws SQLException {
        long value = rs.getLong("fingerprint");
        Long fingerprint = rs.wasNull() ? null : value;
        return new StoredPage(rs.getString("application_id"), rs.getInt("page_no"), rs.getString("object_key"),
                rs.getInt("source_page"), DocumentFormat.ofMediaType(rs.getString("content_type"))
                        .orElseThrow(() -> new IllegalStateException("unknown content type in document_page")),
                rs.getInt("size_bytes"), rs.getString("content_hmac"), rs.getString("key_id"), fingerprint,
                rs.getTimestamp("reencoded_at") != null);
    }
}
