package com.nimbus.identity.recheck;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.audit.AuditLog;
import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.AccountEvent;
import com.nimbus.identity.vocabulary.AuditAction;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R9: re-checks enterprise-verified accounts against the {@link EnterpriseRegistry}, reports what it finds, and
 * revokes a verification when the model, after the decision table {@code revocation-policy}, says so.
 * <p>
 * The sweep works in pages of accounts in id order (keyset pagination: a page is "the next {@code pageSize}
 * ids after the cursor"), so memory stays bounded whatever the number of accounts. A page is re-checked in
 * one transaction: the registry is asked for the whole page, and only the findings leave it (revoking is a step of
 * each finding's own instance), so a registry that fails revokes nothing. Revoking is idempotent: an account that is
 * no longer verified with the application that was checked is left alone.
 */
@Service
public class EnterpriseRecheckService {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseRecheckService.class);

    /** A page of the sweep: the first and last account id (inclusive) and how many accounts it held. */
    public record Page(String firstAccountId, String lastAccountId, int size) {
        public boolean isEmpty() {
            return size == 0;
        }
    }

    /** What re-checking a range of accounts found. */
    public record Result(int accountsChecked, List<Finding> findings) {
    }

    /** A finding about one verification: the account, the application it is verified with, what was found. */
    public record Finding(String accountId, String applicationId, RegistryFinding finding) {
    }

    /** An enterprise-verified account as the re-check needs it; the number decrypted only in memory. */
    private record Subject(String accountId, String applicationId, String region, String name, String address,
                           String number) {
    }

    private final JdbcTemplate jdbc;
    private final EnterpriseRegistry registry;
    private final AccountService accounts;
    private final QuotaService quotas;
    private final FieldCipher cipher;
    private final Clock clock;
    private final int pageSize;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public EnterpriseRecheckService(JdbcTemplate jdbc, EnterpriseRegistry registry, AccountService accounts,
                                    QuotaService quotas, FieldCipher cipher, Clock clock,
                                    RecheckProperties properties, ApplicationEventPublisher events, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.registry = registry;
        this.accounts = accounts;
        this.quotas = quotas;
        this.cipher = cipher;
        this.clock = clock;
        this.pageSize = properties.pageSize();
        this.events = events;
    }

    /** The next page of enterprise-verified accounts after {@code cursor} (an account id; null at the start). */
    @Transactional(readOnly = true)
    public Page nextPage(String cursor) {
        List<String> ids = jdbc.queryForList("select id from account "
                        + "where status = 'VERIFIED' and identity_type = 'ENTERPRISE' and id > ? order by id limit ?",
                String.class, cursor == null ? "" : cursor, pageSize);
        return ids.isEmpty() ? new Page(null, null, 0) : new Page(ids.get(0), ids.get(ids.size() - 1), ids.size());
    }

    /**
     * Re-checks the enterprise-verified accounts with ids from {@code firstAccountId} to {@code lastAccountId}
     * (inclusive; both equal for one account) and returns what the registry no longer supports. Changes nothing.
     *
     * @throws RegistryUnavailableException when the registry cannot answer
     */
    @Transactional(readOnly = true)
    public Result recheck(String firstAccountId, String lastAccountId) {
        List<Subject> subjects = subjects(firstAccountId, lastAccountId);
        Map<String, Set<String>> numbersByRegion = new LinkedHashMap<>();
        subjects.forEach(s -> numbersByRegion.computeIfAbsent(s.region(), r -> new LinkedHashSet<>()).add(s.number()));
        Map<String, Map<String, RegistryAnswer>> answers = new LinkedHashMap<>();
        numbersByRegion.forEach((region, numbers) -> answers.put(region, registry.lookupAll(region, numbers)));

        List<Finding> findings = new ArrayList<>();
        for (Subject subject : subjects) {
            RegistryAnswer answer = Objects.requireNonNull(answers.get(subject.region()).get(subject.number()),
                    "the registry gave no answer for an enterprise it was asked about");
            RegisteredData.revocationReason(subject.name(), subject.address(), answer).ifPresent(reason ->
                    findings.add(new Finding(subject.accountId(), subject.applicationId(), RegistryFinding.of(reason))));
        }
        log.info("Re-checked {} enterprise-verified accounts from {} to {}: {} findings", subjects.size(),
                firstAccountId, lastAccountId, findings.size());
        return new Result(subjects.size(), findings);
    }

    /**
     * What the registry says now about the account's verification with {@code applicationId}: empty when it
     * confirms it, or when the account is no longer verified with that application (nothing left to find).
     *
     * @throws RegistryUnavailableException when the registry cannot answer
     */
    @Transactional(readOnly = true)
    public Optional<RegistryFinding> findingNow(String accountId, String applicationId) {
        return recheck(accountId, accountId).findings().stream()
                .filter(f -> f.applicationId().equals(applicationId))
                .map(Finding::finding)
                .findFirst();
    }

    /**
     * Revokes the account's enterprise verification for the finding, with its reason, unless the account is no longer
     * verified with {@code applicationId}; frees the quota slot and publishes {@code verification.revoked}, all in
     * the caller's transaction. False when there was nothing to revoke.
     */
    @Transactional
    public boolean revoke(String accountId, String applicationId, RegistryFinding finding) {
        Account account = accounts.lock(accountId);
        if (!account.isVerified() || account.getIdentityType() != IdentityType.ENTERPRISE
                || !applicationId.equals(account.getVerifiedApplicationId())) {
            log.info("Account {} changed since the finding {}: left as it is", accountId, finding);
            return false;
        }
        String identityKey = account.getIdentityKey();
        ReasonCode reason = finding.reason();
        account.revoke(reason.name(), reason.message(), clock.instant());
        quotas.release(identityKey);
        audit.record(AuditLog.SYSTEM, AuditAction.VERIFICATION_REVOKED, accountId, applicationId, reason.name());
        events.publishEvent(new AccountEvent(AccountEvent.Type.VERIFICATION_REVOKED, account.getId(), null,
                account.getStatus().name(), List.of(AccountEvent.Reason.of(reason)), account.getRevokedAt()));
        log.info("Account {}: enterprise verification revoked ({})", accountId, reason);
        return true;
    }

    private List<Subject> subjects(String firstAccountId, String lastAccountId) {
        return jdbc.query("select a.id, a.verified_application_id, v.region, v.holder_name, v.holder_address, "
                        + "v.document_number_enc from account a "
                        + "join verification_application v on v.id = a.verified_application_id "
                        + "where a.status = 'VERIFIED' and a.identity_type = 'ENTERPRISE' and a.id >= ? and a.id <= ? "
                        + "order by a.id",
                (rs, row) -> new Subject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), DocumentNumbers.normalise(cipher.decryptText(rs.getString(6), rs.getString(2)))),
                firstAccountId, lastAccountId);
    }
}
