package com.nimbus.identity.audit;

import com.nimbus.identity.vocabulary.AuditAction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail of identity data (table {@code audit_entry}): who did what to which account or application, and
 * when. An entry holds ids, an action and a short detail of codes and counts, never personal data. Entries are
 * written in the caller's transaction, so a decision rolled back leaves no entry.
 */
@Service
public class AuditLog {

    /** The actor of what the application does on its own (the retention job, the automated checks). */
    public static final String SYSTEM = "system";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AuditLog(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One recorded action. */
    public record Entry(long id, Instant occurredAt, String actor, AuditAction action, String accountId,
                        String applicationId, String detail) {
    }

    /** A page of entries, oldest first. */
    public record Page(List<Entry> items, int page, int size, long totalItems) {
    }

    public void record(String actor, AuditAction action, String accountId, String applicationId, String detail) {
        jdbc.update("insert into audit_entry (occurred_at, actor, action, account_id, application_id, detail) "
                        + "values (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()),
                actor == null || actor.isBlank() ? SYSTEM : truncate(actor, 128), action.name(), accountId,
                applicationId, detail == null ? null : truncate(detail, 500));
    }

    /** Records in a transaction of its own, committed before this returns: for what is read, not changed. */
    public void recordNow(String actor, AuditAction action, String accountId, String applicationId, String detail) {
        ownTransaction.executeWithoutResult(status -> record(actor, action, accountId, applicationId, detail));
    }

    /** The entries of an account (all when null) from {@code from} (inclusive) to {@code to} (exclusive). */
    public Page read(String accountId, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" where occurred_at >= ? and occurred_at < ?");
        List<Object> arguments = new java.util.ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (accountId != null) {
            where.append(" and account_id = ?");
            arguments.add(accountId);
        }
        Long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, arguments.toArray());
        List<Object> paged = new java.util.ArrayList<>(arguments);
        paged.add((long) page * size);
        paged.add(size);
        List<Entry> items = jdbc.query("select id, occurred_at, actor, action, account_id, application_id, detail "
                        + "from audit_entry" + where + " order by occurred_at, id offset ? rows fetch next ? rows only",
                (rs, row) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)),
                paged.toArray());
        return new Page(items, page, size, total == null ? 0 : total);
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
