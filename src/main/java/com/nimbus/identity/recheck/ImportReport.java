package com.nimbus.identity.recheck;

import java.util.List;

/**
 * What a CSV import of the enterprise registry did: good rows inserted or updated, each rejected row with its
 * line number and reason (the first {@link RegistryImport#MAX_REPORTED_ROWS}; {@code rejectedCount} counts all).
 */
public record ImportReport(int rowsRead, int inserted, int updated, int rejectedCount, List<RejectedRow> rejected,
                           boolean rejectedListTruncated) {

    public record RejectedRow(int line, String reason) {
    }
}
