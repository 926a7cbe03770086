package com.nimbus.identity.recheck;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of the re-check being handled (table {@code registry_finding}): at most one open per account, held
 * by a unique column, so that a daily sweep does not start a second grace period or review for a finding already
 * under way; a finding a reviewer kept is not reported again for the same verification.
 */
@Service
public class RegistryFindings {

    /** What became of a finding. */
    public enum Outcome { REVOKED, KEPT, CLEARED }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RegistryFindings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens the finding, in the caller's transaction; false when the account has a finding open already, or when a
     * reviewer kept this finding of this verification (then nothing is to be done). The account's row is locked first:
     * two sweeps at the same moment (on two nodes) take turns, and the second sees the first's finding instead of
     * failing on the unique open marker.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean open(EnterpriseRecheckService.Finding finding) {
        jdbc.query("select id from account where id = ? for update", rs -> null, finding.accountId());
        Integer handled = jdbc.queryForObject("select count(*) from registry_finding where open_account_id = ? "
                        + "or (account_id = ? and application_id = ? and finding = ? and status = 'KEPT')",
                Integer.class, finding.accountId(), finding.accountId(), finding.applicationId(), finding.finding().name());
        if (handled != null && handled > 0) {
            return false;
        }
        jdbc.update("insert into registry_finding (id, account_id, application_id, finding, status, open_account_id, "
                        + "reported_at) values (?, ?, ?, ?, 'OPEN', ?, ?)", UUID.randomUUID().toString(),
                finding.accountId(), finding.applicationId(), finding.finding().name(), finding.accountId(),
                Timestamp.from(clock.instant()));
        return true;
    }

    /** Closes the account's open finding with its outcome and who decided it (a reviewer, or null). */
    @Transactional
    public void close(String accountId, Outcome outcome, String decidedBy) {
        jdbc.update("update registry_finding set status = ?, open_account_id = null, closed_at = ?, closed_by = ? "
                + "where open_account_id = ?", outcome.name(), Timestamp.from(clock.instant()), decidedBy, accountId);
    }

    /** The open finding of the account, or null. */
    @Transactional(readOnly = true)
    public String openFinding(String accountId) {
        return jdbc.query("select finding from registry_finding where open_account_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, accountId);
    }
}
