package com.nimbus.identity.lifecycle;

import com.nimbus.identity.audit.AuditLog;
import com.nimbus.identity.vocabulary.AuditAction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention policy ({@link RetentionProperties}), applied by the nightly model {@code identity-retention}:
 * <ol>
 *   <li>an approved application whose verification no longer stands is marked as ended: {@code REVOKED} at the
 *   revocation's time, or {@code REPLACED} (verified by another application since) at the time this run finds it, at
 *   most one run late; an erasure marks its own as {@code ERASED};</li>
 *   <li>rejected and withdrawn applications decided longer ago than {@code undecided-documents}, revoked ones ended
 *   longer ago than that, and other ended ones ended longer ago than {@code after-verification-ends} are reduced to
 *   the masked number and the decision ({@link IdentityData}): pages (rows and objects) deleted.</li>
 * </ol>
 * Batches of {@code batch-size} applications, each a transaction of its own: a run stopped halfway keeps what it did
 * and the next run goes on; an application already reduced is never taken again. Each run is audited as counts.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcTemplate jdbc;
    private final IdentityData identityData;
    private final AuditLog audit;
    private final Clock clock;
    private final RetentionProperties properties;
    private final TransactionTemplate ownTransaction;

    Retention(JdbcTemplate jdbc, IdentityData identityData, AuditLog audit, Clock clock, RetentionProperties properties,
              PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.identityData = identityData;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a run did. */
    public record Applied(int verificationsEnded, int applicationsReduced, int pagesDeleted) {
    }

    public Applied apply() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        int ended = ownTransaction.execute(status -> markEnded(at));
        Timestamp undecidedBefore = Timestamp.from(now.atOffset(ZoneOffset.UTC).minus(properties.undecidedDocuments())
                .toInstant());
        Timestamp endedBefore = Timestamp.from(now.atOffset(ZoneOffset.UTC).minus(properties.afterVerificationEnds())
                .toInstant());
        int reduced = 0;
        int pages = 0;
        while (true) {
            List<String> due = jdbc.queryForList("""
                    select id from verification_application
                     where data_reduced_at is null
                       and ((status in ('REJECTED', 'WITHDRAWN') and decided_at < ?)
                         or (status = 'APPROVED' and verification_ended_by = 'REVOKED' and verification_ended_at < ?)
                         or (status = 'APPROVED' and verification_ended_at < ?))
                     order by id fetch first %d rows only""".formatted(properties.batchSize()), String.class,
                    undecidedBefore, undecidedBefore, endedBefore);
            if (due.isEmpty()) {
                break;
            }
            int[] batch = ownTransaction.execute(status -> {
                int deleted = 0;
                for (String applicationId : due) {
                    deleted += identityData.reduce(applicationId, now);
                }
                return new int[] {due.size(), deleted};
            });
            reduced += batch[0];
            pages += batch[1];
        }
        Applied applied = new Applied(ended, reduced, pages);
        ownTransaction.executeWithoutResult(status -> audit.record(AuditLog.SYSTEM, AuditAction.RETENTION_APPLIED, null,
                null, applied.verificationsEnded() + " verifications ended, " + applied.applicationsReduced()
                        + " applications reduced, " + applied.pagesDeleted() + " document pages deleted"));
        log.info("Retention policy applied: {}", applied);
        return applied;
    }

    private int markEnded(Timestamp at) {
        String notStanding = "status = 'APPROVED' and verification_ended_at is null and not exists (select 1 from account a "
                + "where a.verified_application_id = verification_application.id)";
        String revokedAccount = "from account a where a.id = verification_application.account_id "
                + "and a.status = 'UNVERIFIED' and a.revoked_at is not null "
                + "and a.revoked_at >= verification_application.decided_at";
        int revoked = jdbc.update("update verification_application set verification_ended_at = (select a.revoked_at "
                + revokedAccount + "), verification_ended_by = 'REVOKED' where " + notStanding
                + " and exists (select 1 " + revokedAccount + ")");
        int replaced = jdbc.update("update verification_application set verification_ended_at = ?, "
                + "verification_ended_by = 'REPLACED' where " + notStanding, at);
        return revoked + replaced;
    }
}
