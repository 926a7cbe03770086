package com.nimbus.identity.recheck;

import com.nimbus.identity.account.RegionCode;
import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.vocabulary.PlainText;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.io.Reader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the database registry ({@code enterprise_registry_entry}) from CSV: a header line naming the columns
 * {@code region, registration_number, name, registered_address, status} (any order; other columns are
 * ignored), then one enterprise per line. Every row is validated on its own; good rows are inserted or update
 * the entry with the same region and registration number, bad rows are reported with their line number and
 * reason and change nothing. The file is read as a stream ({@link CsvRows}); the good rows are written in batches,
 * all in one transaction, so a file that turns out not to be CSV part-way changes nothing.
 */
@Service
public class RegistryImport {

    static final List<String> COLUMNS = List.of("region", "registration_number", "name", "registered_address", "status");
    static final int MAX_REPORTED_ROWS = 1000;
    private static final int BATCH = 500;
    private static final int MAX_NAME = 300;
    private static final int MAX_ADDRESS = 500;
    private static final RegionCode.Validator REGION_CODES = new RegionCode.Validator();
    private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);

    private record Entry(String region, String number, String name, String address, EnterpriseStatus status) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RegistryImportProperties limits;

    public RegistryImport(JdbcTemplate jdbc, Clock clock, RegistryImportProperties limits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = limits;
    }

    @Transactional
    public ImportReport importCsv(Reader csv) {
        return read(new CsvRows(csv));
    }

    private ImportReport read(CsvRows csv) {
        CsvRows.Row header = csv.next();
        while (header != null && header.isBlank()) {
            header = csv.next();
        }
        if (header == null) {
            throw ValidationFailed.of("file", "is empty: expected a header line with " + String.join(",", COLUMNS));
        }
        requireFieldsWithinLimit(header);
        Map<String, Integer> columns = columns(header);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Map<String, Integer> seen = new HashMap<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        List<Entry> batch = new ArrayList<>(BATCH);
        int rows = 0;
        int rejectedCount = 0;
        int good = 0;
        int inserted = 0;
        for (CsvRows.Row record = csv.next(); record != null; record = csv.next()) {
            requireFieldsWithinLimit(record);
            if (record.isBlank()) {
                continue;
            }
            rows++;
            if (rows > limits.maxRows()) {
                throw ValidationFailed.of("file", "has more than " + limits.maxRows()
                        + " rows: split the registry into several files");
            }
            List<String> problems = new ArrayList<>();
            Entry entry = validate(record, header.fields().size(), columns, problems);
            if (entry != null) {
                Integer first = seen.putIfAbsent(entry.region() + ":" + entry.number(), record.line());
                if (first != null) {
                    problems.add("duplicate of line " + first + " (same region and registration number)");
                    entry = null;
                }
            }
            if (entry == null) {
                rejectedCount++;
                if (rejected.size() < MAX_REPORTED_ROWS) {
                    rejected.add(new ImportReport.RejectedRow(record.line(), String.join("; ", problems)));
                }
                continue;
            }
            good++;
            batch.add(entry);
            if (batch.size() == BATCH) {
                inserted += upsert(batch, now);
            }
        }
        inserted += upsert(batch, now);
        log.info("Enterprise registry import: {} rows, {} inserted, {} updated, {} rejected", rows, inserted,
                good - inserted, rejectedCount);
        return new ImportReport(rows, inserted, good - inserted, rejectedCount, rejected,
                rejectedCount > rejected.size());
    }

    /** A field longer than any entry's is a broken file (e.g. a quote that swallowed lines): refused whole. */
    private void requireFieldsWithinLimit(CsvRows.Row record) {
        if (record.fields().stream().anyMatch(field -> field.length() > limits.maxFieldLength())) {
            throw ValidationFailed.of("file", "line " + record.line() + " has a field longer than "
                    + limits.maxFieldLength() + " characters: is a quote not closed?");
        }
    }

    private static Map<String, Integer> columns(CsvRows.Row header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            columns.putIfAbsent(name, i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ValidationFailed.of("file", "the header line lacks the column(s) " + String.join(", ", missing)
                    + ": expected " + String.join(",", COLUMNS));
        }
        return columns;
    }

    /** The row's entry, or null with the reasons added to {@code problems}. */
    private static Entry validate(CsvRows.Row record, int width, Map<String, Integer> columns,
                                  List<String> problems) {
        if (record.fields().size() != width) {
            problems.add("expected " + width + " columns, found " + record.fields().size());
            return null;
        }
        String region = field(record, columns, "region").toUpperCase(Locale.ROOT);
        if (region.isEmpty()) {
            problems.add("region is empty");
        } else if (!region.matches("[A-Z]{2}") || !REGION_CODES.isValid(region, null)) {
            problems.add("region '" + shorten(region) + "' is not an ISO 3166 region code");
        }
        String rawNumber = field(record, columns, "registration_number");
        String number = DocumentNumbers.normalise(rawNumber);
        if (rawNumber.isEmpty()) {
            problems.add("registration_number is empty");
        } else if (!number.matches("[A-Z0-9]{4,32}")) {
            problems.add("registration_number must be 4 to 32 letters and digits");
        }
        String name = text(record, columns, "name", MAX_NAME, problems);
        String address = text(record, columns, "registered_address", MAX_ADDRESS, problems);
        String statusText = field(record, columns, "status").toUpperCase(Locale.ROOT);
        EnterpriseStatus status = null;
        if (statusText.isEmpty()) {
            problems.add("status is empty");
        } else {
            try {
                status = EnterpriseStatus.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                problems.add("unknown status '" + shorten(statusText) + "': expected ACTIVE or DISSOLVED");
            }
        }
        return problems.isEmpty() ? new Entry(region, number, name, address, status) : null;
    }

    private static String field(CsvRows.Row record, Map<String, Integer> columns, String column) {
        return record.fields().get(columns.get(column)).strip();
    }

    private static String text(CsvRows.Row record, Map<String, Integer> columns, String column, int max,
                               List<String> problems) {
        String value = field(record, columns, column);
        if (value.isEmpty()) {
            problems.add(column + " is empty");
        } else if (value.length() > max) {
            problems.add(column + " is longer than " + max + " characters");
        } else {
            PlainText.problem(value).ifPresent(problem -> problems.add(column + " " + problem));
        }
        return value;
    }

    private static String shorten(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }

    /** Updates the entries that exist, inserts the others, empties the batch; returns how many were inserted. */
    private int upsert(List<Entry> batch, OffsetDateTime now) {
        if (batch.isEmpty()) {
            return 0;
        }
        int[] updated = jdbc.batchUpdate("update enterprise_registry_entry "
                        + "set name = ?, registered_address = ?, status = ?, updated_at = ? "
                        + "where region = ? and registration_number = ?",
                batch.stream().map(e -> new Object[] {e.name(), e.address(), e.status().name(), now, e.region(),
                        e.number()}).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (updated[i] == 0) {
                Entry e = batch.get(i);
                inserts.add(new Object[] {e.region(), e.number(), e.name(), e.address(), e.status().name(), now});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into enterprise_registry_entry "
                    + "(region, registration_number, name, registered_address, status, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?)", inserts);
        }
        batch.clear();
        return inserts.size();
    }
}
