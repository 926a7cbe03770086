package com.nimbus.identity.application;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.account.ChangeLock;
import com.nimbus.identity.account.PendingApplications;
import com.nimbus.identity.audit.AuditLog;
import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.document.check.AutomatedChecks;
import com.nimbus.identity.document.check.CheckReport;
import com.nimbus.identity.document.check.CheckSubject;
import com.nimbus.identity.document.page.DocumentPages;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.vocabulary.AccountEvent;
import com.nimbus.identity.vocabulary.AuditAction;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.ReasonCode;
import com.nimbus.identity.vocabulary.ValidationFailed;
import com.nimbus.identity.vocabulary.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submission, decision and withdrawal of verification applications. The database is the source of truth. Each change
 * clients hear of is published as an {@link AccountEvent} inside the transaction that makes it, so the event is
 * recorded with the change (and rolled back with it).
 */
@Service
public class ApplicationService implements PendingApplications {

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);
    /** A withdrawal that meets a concurrent change of the still pending application tries again this often. */
    private static final int MAX_WITHDRAWAL_ATTEMPTS = 3;

    private final ApplicationRepository applications;
    private final AccountService accounts;
    private final ChangeLock changeLock;
    private final DocumentPages documents;
    private final QuotaService quotas;
    private final AutomatedChecks checks;
    private final FieldCipher cipher;
    private final VerificationProcesses processes;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    /** The actor of a withdrawal in the audit trail: the account holder, through the cloud console. */
    static final String ACCOUNT_HOLDER = "account-holder";

    public ApplicationService(ApplicationRepository applications, AccountService accounts, ChangeLock changeLock,
                              DocumentPages documents, QuotaService quotas, AutomatedChecks checks, FieldCipher cipher,
                              VerificationProcesses processes, Clock clock, ObjectMapper json,
                              PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
                              AuditLog audit) {
        this.audit = audit;
        this.applications = applications;
        this.accounts = accounts;
        this.changeLock = changeLock;
        this.documents = documents;
        this.quotas = quotas;
        this.checks = checks;
        this.cipher = cipher;
        this.processes = processes;
        this.clock = clock;
        this.json = json;
        this.tx = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /**
     * Stores the application and its document (one to four parts, see {@link DocumentPages#accept}) and starts the
     * process that works on it, all in one transaction: bad input gets its error code and stores nothing. The parts
     * are checked before the account is locked, and nothing is decoded here: the automated checks decode each page
     * once, asynchronously. A verified account's submission is a change (R7), which the change lock may refuse
     * ({@code ChangeLocked}) before anything is stored.
     */
    @Transactional
    public VerificationApplication submit(String accountId, String applicationJson, byte[]... documentParts) {
        DocumentPages.AcceptedDocument document = documents.accept(documentParts == null ? List.of()
                : Arrays.asList(documentParts));
        String fingerprintKeyId = quotas.holdFingerprintKey();
        Account account = accounts.lock(accountId);
        ApplicationRequest.EnteredIdentity entered = parse(applicationJson).validate();
        applications.findByPendingAccountId(accountId).ifPresent(pending -> {
            throw new ApplicationPending(pending.getId());
        });
        ApplicationKind kind = account.isVerified() ? ApplicationKind.CHANGE : ApplicationKind.INITIAL;
        if (kind == ApplicationKind.CHANGE) {
            changeLock.requireChangeAllowed(account, entered.identityType());
        }
        String applicationId = UUID.randomUUID().toString();
        VerificationApplication application = new VerificationApplication(applicationId, accountId, kind,
                entered.identityType(), account.getRegistrationRegion(), entered.name(), entered.address(),
                entered.documentType(), cipher.encryptText(entered.normalisedNumber(), applicationId), DocumentNumbers.mask(entered.normalisedNumber()),
                quotas.identityKey(fingerprintKeyId, account.getRegistrationRegion(), entered.documentType(),
                        entered.normalisedNumber()),
                clock.instant());
        try {
            applications.saveAndFlush(application);
        } catch (DataIntegrityViolationException e) {
            throw ApplicationPending.concurrently();
        }
        documents.store(application.getId(), accountId, document);
        processes.start(application);
        publish(AccountEvent.Type.APPLICATION_SUBMITTED, application, application.getSubmittedAt());
        log.info("Application {} ({} {}) submitted for account {}, document {}, {} page(s)", application.getId(), kind,
                entered.documentType(), accountId, application.getDocumentNumberMasked(), document.pageCount());
        return application;
    }

    private ApplicationRequest parse(String applicationJson) {
        try {
            ApplicationRequest request = json.readValue(applicationJson, ApplicationRequest.class);
            if (request == null) {
                throw ValidationFailed.of("application", "must be a JSON object");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw ValidationFailed.of("application", "must be a JSON object with the application's fields");
        }
    }

    @Transactional(readOnly = true)
    public List<VerificationApplication> list(String accountId) {
        accounts.find(accountId);
        return applications.findByAccountIdOrderBySubmittedAtDesc(accountId);
    }

    @Transactional(readOnly = true)
    public VerificationApplication get(String accountId, String applicationId) {
        accounts.find(accountId);
        return findOfAccount(accountId, applicationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> pendingApplicationId(String accountId) {
        return applications.findByPendingAccountId(accountId).map(VerificationApplication::getId);
    }

    /**
     * R8: withdraws a pending application by signalling its process. A withdrawal that meets a decision
     * taken at the same moment loses cleanly: {@link ApplicationDecided}, nothing changed.
     */
    public VerificationApplication withdraw(String accountId, String applicationId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    accounts.find(accountId);
                    VerificationApplication application = applications.findForUpdate(applicationId)
                            .filter(a -> a.getAccountId().equals(accountId))
                            .orElseThrow(() -> new ApplicationNotFound(accountId, applicationId));
                    if (application.getStatus() == ApplicationStatus.WITHDRAWN) {
                        return application;
                    }
                    requirePending(application);
                    processes.withdraw(applicationId);
                    return application;
                });
            } catch (MismatchingMessageCorrelationException | OptimisticLockingException
                     | OptimisticLockingFailureException e) {
                VerificationApplication now = tx.execute(status -> get(accountId, applicationId));
                log.info("Withdrawal of {} met another change (attempt {}, now {}): {}", applicationId, attempt,
                        now.getStatus(), e.getClass().getSimpleName());
                if (now.getStatus() == ApplicationStatus.WITHDRAWN) {
                    return now;
                }
                if (!now.getStatus().isPending()) {
                    throw decided(now);
                }
                if (attempt == MAX_WITHDRAWAL_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Replaces the document of an application a reviewer asked new pages for ({@code PHOTO_REQUESTED}): the parts are
     * checked as at submission ({@link DocumentPages#accept}), the old pages are deleted (their objects from the
     * store once this commits), the application is {@code SUBMITTED} again and its process told
     * ({@code DocumentReplaced}), all in one transaction: bad input or an application not waiting
     * ({@link ApplicationNotWaiting}) changes nothing.
     */
    @Transactional
    public VerificationApplication replaceDocument(String accountId, String applicationId, byte[]... documentParts) {
        accounts.find(accountId);
        findOfAccount(accountId, applicationId);
        DocumentPages.AcceptedDocument document = documents.accept(documentParts == null ? List.of()
                : Arrays.asList(documentParts));
        VerificationApplication application = applications.findForUpdate(applicationId)
                .orElseThrow(() -> new ApplicationNotFound(accountId, applicationId));
        if (application.getStatus() != ApplicationStatus.PHOTO_REQUESTED) {
            throw new ApplicationNotWaiting(application.getStatus());
        }
        application.resubmitted();
        applications.saveAndFlush(application);
        documents.replace(applicationId, accountId, document);
        processes.documentReplaced(applicationId);
        publish(AccountEvent.Type.APPLICATION_SUBMITTED, application, clock.instant());
        log.info("Application {}: the document was replaced by {} page(s); the automated checks run again",
                applicationId, document.pageCount());
        return application;
    }

    // ---- steps of the processes (called by the delegates of this package) ----

    /**
     * A reviewer asks the holder for new pages of the document instead of rejecting: the application becomes
     * {@code PHOTO_REQUESTED} with the reviewer's reasons (reviewers' codes only) and comment, which the holder reads.
     */
    @Transactional
    public void requestPhoto(String applicationId, List<String> reasonCodes, String comment) {
        if (reasonCodes == null || reasonCodes.isEmpty()) {
            throw new IllegalArgumentException("a request for new pages needs at least one reason");
        }
        VerificationApplication application = pendingForUpdate(applicationId);
        List<Reason> reasons = reasonCodes.stream()
                .map(code -> ReasonCode.parse(code)
                        .filter(reason -> reason.origin() == ReasonCode.Origin.REVIEWER)
                        .orElseThrow(() -> new IllegalArgumentException("reason code " + code
                                + " is not one of the reviewer reasons")))
                .distinct()
                .map(Reason::of)
                .toList();
        application.requestPhoto(reasons, comment);
        publish(AccountEvent.Type.APPLICATION_PHOTO_REQUESTED, application, clock.instant());
        log.info("Application {}: new pages of the document asked for: {}", applicationId, reasonCodes);
    }

    /**
     * The soft signals of an application that the automated checks do not see: a change from an enterprise to an
     * individual identity, and how many days ago the account's last rejection was decided.
     */
    @Transactional(readOnly = true)
    public SoftSignals softSignals(String applicationId) {
        VerificationApplication application = find(applicationId);
        Account account = accounts.find(application.getAccountId());
        boolean enterpriseToIndividual = application.getKind() == ApplicationKind.CHANGE
                && account.isVerified() && account.getIdentityType() == IdentityType.ENTERPRISE
                && application.getIdentityType() == IdentityType.INDIVIDUAL;
        Integer days = applications.findFirstByAccountIdAndStatusOrderByDecidedAtDesc(application.getAccountId(),
                        ApplicationStatus.REJECTED)
                .filter(rejected -> !rejected.getId().equals(applicationId) && rejected.getDecidedAt() != null)
                .map(rejected -> (int) Math.max(0, Duration.between(rejected.getDecidedAt(), clock.instant()).toDays()))
                .orElse(null);
        return new SoftSignals(enterpriseToIndividual, days);
    }

    /**
     * @param enterpriseToIndividual a change from an enterprise-verified account to an individual identity
     * @param daysSinceLastRejection whole days since the account's last rejection was decided; null when none
     */
    public record SoftSignals(boolean enterpriseToIndividual, Integer daysSinceLastRejection) {
    }

    /**
     * Runs the automated checks, each page of the document decoded once for all of them; an application that passes
     * them goes to the reviewers' queue.
     */
    @Transactional
    public CheckReport runAutomatedChecks(String applicationId) {
        VerificationApplication application = pendingForUpdate(applicationId);
        Account account = accounts.find(application.getAccountId());
        CheckReport report = checks.run(new CheckSubject(applicationId, application.getAccountId(),
                application.getRegion(), application.getIdentityType(), application.getDocumentType(),
                application.getHolderName(), application.getHolderAddress(),
                cipher.decryptText(application.getDocumentNumberEnc(), applicationId), documents.analyse(applicationId),
                application.getIdentityKey(), account.getIdentityKey()));
        if (report.passed()) {
            application.markInReview();
            publish(AccountEvent.Type.APPLICATION_IN_REVIEW, application, clock.instant());
        }
        log.info("Automated checks of {}: {}", applicationId, report.passed() ? "passed" : report.failureReasons());
        return report;
    }

    /**
     * Approves the application: the account takes the identity, and a slot of the identity's quota is taken
     * atomically (R4). When the quota filled up since submission, the application is rejected with
     * {@code QUOTA_EXCEEDED} instead and false is returned.
     */
    @Transactional
    public boolean approve(String applicationId, String reviewer, String comment) {
        VerificationApplication application = pendingForUpdate(applicationId);
        Account account = accounts.lock(application.getAccountId());
        String previousKey = account.isVerified() ? account.getIdentityKey() : null;
        boolean sameIdentity = application.getIdentityKey().equals(previousKey);
        if (!sameIdentity && !quotas.take(application.getIdentityKey(), application.getIdentityType())) {
            application.reject(List.of(Reason.of(ReasonCode.QUOTA_EXCEEDED)), reviewer, comment, clock.instant());
            publish(AccountEvent.Type.APPLICATION_REJECTED, application, application.getDecidedAt());
            audit.record(reviewer, AuditAction.APPLICATION_DECIDED, application.getAccountId(), applicationId,
                    "REJECTED " + ReasonCode.QUOTA_EXCEEDED.name());
            log.info("Application {} approved by {} but its identity's quota is full: rejected", applicationId, reviewer);
            return false;
        }
        if (previousKey != null && !sameIdentity) {
            quotas.release(previousKey);
        }
        application.approve(reviewer, comment, clock.instant());
        account.verify(application.getIdentityType(), applicationId, application.getIdentityKey(),
                application.getHolderName(), application.getDocumentNumberMasked(), application.getDecidedAt());
        publish(AccountEvent.Type.APPLICATION_APPROVED, application, application.getDecidedAt());
        audit.record(reviewer, AuditAction.APPLICATION_DECIDED, application.getAccountId(), applicationId, "APPROVED");
        events.publishEvent(new AccountEvent(AccountEvent.Type.VERIFICATION_CHANGED, account.getId(), applicationId,
                account.getStatus().name(), List.of(), application.getDecidedAt()));
        log.info("Application {} approved by {}: account {} verified as {}", applicationId, reviewer,
                account.getId(), application.getIdentityType());
        return true;
    }

    /**
     * Rejects the application with its reasons (R6). Who rejected it is the application's own record, never a
     * variable a reviewer could send: an application that has not passed the automated checks (still
     * {@code SUBMITTED}) is rejected by them, with automated reasons only; one in review is rejected by the reviewer
     * who completed the review, with reviewers' reasons only. Anything else is refused and changes nothing.
     */
    @Transactional
    public void reject(String applicationId, List<String> reasonCodes, String reviewer, String comment) {
        if (reasonCodes == null || reasonCodes.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one reason");
        }
        VerificationApplication application = pendingForUpdate(applicationId);
        boolean automated = application.getStatus() == ApplicationStatus.SUBMITTED;
        ReasonCode.Origin origin = automated ? ReasonCode.Origin.AUTOMATED : ReasonCode.Origin.REVIEWER;
        List<Reason> reasons = reasonCodes.stream()
                .map(code -> ReasonCode.parse(code)
                        .filter(reason -> reason.origin() == origin)
                        .orElseThrow(() -> new IllegalArgumentException("reason code " + code + " is not one of the "
                                + origin.name().toLowerCase(java.util.Locale.ROOT) + " reasons")))
                .distinct()
                .map(Reason::of)
                .toList();
        String by = automated ? Workflow.AUTOMATED_CHECKS_ACTOR : reviewer;
        if (by == null || by.isBlank()) {
            throw new IllegalStateException("application " + applicationId + " is in review: a reviewer rejects it");
        }
        application.reject(reasons, by, automated ? null : comment, clock.instant());
        publish(AccountEvent.Type.APPLICATION_REJECTED, application, application.getDecidedAt());
        audit.record(by, AuditAction.APPLICATION_DECIDED, application.getAccountId(), applicationId,
                "REJECTED " + String.join(" ", reasons.stream().map(Reason::code).toList()));
        log.info("Application {} rejected by {}: {}", applicationId, by, reasonCodes);
    }

    /** Records the withdrawal the process received. */
    @Transactional
    public void recordWithdrawal(String applicationId) {
        VerificationApplication application = pendingForUpdate(applicationId);
        application.withdraw(clock.instant());
        publish(AccountEvent.Type.APPLICATION_WITHDRAWN, application, application.getDecidedAt());
        audit.record(ACCOUNT_HOLDER, AuditAction.APPLICATION_WITHDRAWN, application.getAccountId(), applicationId,
                "WITHDRAWN");
        log.info("Application {} withdrawn", applicationId);
    }

    @Transactional(readOnly = true)
    public VerificationApplication find(String applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new ApplicationNotFound(applicationId));
    }

    @Transactional(readOnly = true)
    public Optional<VerificationApplication> findOptional(String applicationId) {
        return applications.findById(applicationId);
    }

    /** The pending application, locked: see {@link ApplicationRepository#findForUpdate}. */
    private VerificationApplication pendingForUpdate(String applicationId) {
        VerificationApplication application = applications.findForUpdate(applicationId)
                .orElseThrow(() -> new ApplicationNotFound(applicationId));
        // an application this transaction read before (a listener, the checks) keeps the state it read then: read the
        // locked row again, so a key rotation committed meanwhile is not written back over
        entityManager.refresh(application);
        requirePending(application);
        return application;
    }

    /** Publishes the application's new status (with its reasons) to whoever records events, in this transaction. */
    private void publish(AccountEvent.Type type, VerificationApplication application, Instant at) {
        events.publishEvent(new AccountEvent(type, application.getAccountId(), application.getId(),
                application.getStatus().name(),
                application.getReasons().stream().map(r -> new AccountEvent.Reason(r.code(), r.message())).toList(), at));
    }

    private VerificationApplication findOfAccount(String accountId, String applicationId) {
        return applications.findByIdAndAccountId(applicationId, accountId)
                .orElseThrow(() -> new ApplicationNotFound(accountId, applicationId));
    }

    private static void requirePending(VerificationApplication application) {
        if (!application.getStatus().isPending()) {
            throw decided(application);
        }
    }

    private static ApplicationDecided decided(VerificationApplication application) {
        return new ApplicationDecided(application.getStatus());
    }
}
