package com.nimbus.identity.review;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.application.ApplicationKind;
import com.nimbus.identity.application.ApplicationRepository;
import com.nimbus.identity.application.Reason;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.document.page.SimilarPages;
import com.nimbus.identity.quota.QuotaService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reviewer needs beside the document to decide an application: the task's name (what is reviewed, no personal
 * data), the account's earlier applications with their outcomes and reasons, how many accounts the identity verifies
 * out of its quota, the other pending application behind a same-photo warning, and for a change whether the account
 * holds an identity now. Only facts without personal data go into the engine; pictures are served under
 * {@code /review} to the reviewers of the task.
 */
@Component
class CaseAtAGlance {

    /** Earlier applications listed in the form; older ones are counted. */
    static final int HISTORY_LINES = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final ApplicationRepository applications;
    private final AccountService accounts;
    private final QuotaService quotas;
    private final SimilarPages similarPages;

    CaseAtAGlance(ApplicationRepository applications, AccountService accounts, QuotaService quotas,
                  SimilarPages similarPages) {
        this.applications = applications;
        this.accounts = accounts;
        this.quotas = quotas;
        this.similarPages = similarPages;
    }

    /** The case of one application, read at one moment. */
    record Case(String taskName, String historyEn, String historyZh, String quotaUsage,
                Optional<SimilarPages.SimilarPage> similarPendingPage, boolean changeOfVerifiedIdentity) {
    }

    @Transactional(readOnly = true)
    public Optional<Case> of(String applicationId) {
        return applications.findById(applicationId).map(this::of);
    }

    private Case of(VerificationApplication application) {
        List<VerificationApplication> earlier = applications.findByAccountIdOrderBySubmittedAtDesc(application.getAccountId())
                .stream().filter(a -> !a.getId().equals(application.getId())).toList();
        String quotaUsage = application.getIdentityKey() == null ? null
                : quotas.used(application.getIdentityKey()) + " / "
                        + quotas.limit(application.getIdentityKey(), application.getIdentityType());
        Optional<SimilarPages.SimilarPage> similar = similarPages.of(application.getId(), application.getAccountId()).stream()
                .filter(page -> applications.findById(page.otherApplicationId())
                        .map(other -> other.getStatus().isPending()).orElse(false))
                .findFirst();
        boolean change = application.getKind() == ApplicationKind.CHANGE
                && currentIdentity(application).isPresent();
        return new Case(taskName(application), history(DeskTexts.EN, earlier), history(DeskTexts.ZH, earlier),
                quotaUsage, similar, change);
    }

    /** The application that gave the account the identity it holds now, for a change; empty when it holds none. */
    Optional<VerificationApplication> currentIdentity(VerificationApplication application) {
        Account account = accounts.find(application.getAccountId());
        return Optional.ofNullable(account == null ? null : account.getVerifiedApplicationId())
                .filter(id -> !id.equals(application.getId()))
                .flatMap(applications::findById);
    }

    /** "Review individual passport application · 审核个人护照申请": both languages, as reviewers of either share one queue. */
    static String taskName(VerificationApplication application) {
        return taskName(DeskTexts.EN, application) + " · " + taskName(DeskTexts.ZH, application);
    }

    private static String taskName(DeskTexts texts, VerificationApplication application) {
        return texts.text("task.name." + application.getKind().name(),
                texts.text("identity." + application.getIdentityType().name()),
                texts.text("document." + application.getDocumentType().name()));
    }

    static String history(DeskTexts texts, List<VerificationApplication> earlier) {
        if (earlier.isEmpty()) {
            return texts.text("history.none");
        }
        StringBuilder out = new StringBuilder(texts.text("history.title")).append("\n\n");
        earlier.stream().limit(HISTORY_LINES).forEach(a -> out.append(texts.text("history.line",
                a.getSubmittedAt() == null ? "-" : DAY.format(a.getSubmittedAt()),
                texts.text("kind." + a.getKind().name()),
                texts.text("identity." + a.getIdentityType().name()),
                texts.text("document." + a.getDocumentType().name()),
                texts.text("status." + a.getStatus().name()),
                a.getReasons().isEmpty() ? "" : texts.text("history.reasons",
                        a.getReasons().stream().map(Reason::code).collect(Collectors.joining(", ")))))
                .append('\n'));
        if (earlier.size() > HISTORY_LINES) {
            out.append(texts.text("history.more", earlier.size() - HISTORY_LINES)).append('\n');
        }
        return out.toString();
    }
}
