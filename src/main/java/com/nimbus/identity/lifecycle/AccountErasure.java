package com.nimbus.identity.lifecycle;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.account.AccountVerified;
import com.nimbus.identity.application.ApplicationPending;
import com.nimbus.identity.application.ApplicationRepository;
import com.nimbus.identity.audit.AuditLog;
import com.nimbus.identity.vocabulary.AuditAction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of an account ({@code DELETE /api/accounts/{id}}): refused while an application is pending
 * ({@code APPLICATION_PENDING}) or the account is verified ({@code ACCOUNT_VERIFIED}); else every application is
 * reduced to its decision ({@link IdentityData}), the message center, the SMS outbox entries and the engine's history
 * of its applications go, and the account keeps its row without contact data, gone for the API.
 */
@Service
public class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final AccountService accounts;
    private final ApplicationRepository applications;
    private final IdentityData identityData;
    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final AuditLog audit;
    private final Clock clock;

    AccountErasure(AccountService accounts, ApplicationRepository applications, IdentityData identityData,
                   JdbcTemplate jdbc, HistoryService history, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.applications = applications;
        this.identityData = identityData;
        this.jdbc = jdbc;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an erasure removed. */
    public record Erased(int applications, int pages, int messages) {
    }

    @Transactional
    public Erased erase(String accountId, String actor) {
        Account account = accounts.lock(accountId);
        applications.findByPendingAccountId(accountId).ifPresent(pending -> {
            throw new ApplicationPending(pending.getId());
        });
        if (account.isVerified()) {
            throw new AccountVerified(accountId);
        }
        Instant now = clock.instant();
        List<String> applicationIds = jdbc.queryForList("select id from verification_application where account_id = ? "
                + "order by submitted_at", String.class, accountId);
        int pages = 0;
        for (String applicationId : applicationIds) {
            pages += identityData.reduce(applicationId, now);
        }
        jdbc.update("update verification_application set verification_ended_at = ?, verification_ended_by = 'ERASED' "
                + "where account_id = ? "
                + "and status = 'APPROVED' and verification_ended_at is null", Timestamp.from(now), accountId);
        int messages = jdbc.update("delete from message where account_id = ?", accountId);
        if (!account.getPhone().isEmpty()) {
            jdbc.update("delete from sms_outbox where phone = ?", account.getPhone());
        }
        List<String> ended = applicationIds.stream()
                .flatMap(id -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).finished()
                        .list().stream())
                .map(HistoricProcessInstance::getId).toList();
        if (!ended.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(ended);
        }
        account.erase(now);
        Erased erased = new Erased(applicationIds.size(), pages, messages);
        audit.record(actor, AuditAction.ACCOUNT_ERASED, accountId, null, erased.applications() + " applications reduced, "
                + erased.pages() + " document pages and " + erased.messages() + " messages deleted");
        log.info("Account {} erased by {}: {}", accountId, actor, erased);
        return erased;
    }
}
