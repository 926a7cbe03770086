package com.nimbus.identity.notification;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.Reason;
import com.nimbus.identity.application.VerificationApplication;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the account holder the outcome of an application. The texts live in
 * {@code notifications/messages*.properties}, one bundle per language of the account.
 */
@Service
public class NotificationService {

    private final AccountService accounts;
    private final ApplicationService applications;
    private final MessageCenter messageCenter;
    private final MessageSource texts;

    public NotificationService(AccountService accounts, ApplicationService applications, MessageCenter messageCenter) {
        this.accounts = accounts;
        this.applications = applications;
        this.messageCenter = messageCenter;
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("notifications/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        this.texts = source;
    }

    /** Posts the event's message to the holder's message center. */
    @Transactional
    public Message toMessageCenter(String accountId, String applicationId, NotificationEvent event) {
        Account account = accounts.find(accountId);
        Locale locale = Locale.forLanguageTag(account.getLanguage());
        VerificationApplication application = applicationId == null ? null : applications.find(applicationId);
        String reasons = application == null ? "" : reasons(application.getReasons());
        String comment = application == null || application.getReviewComment() == null ? "" : application.getReviewComment();
        Object[] args = {applicationId, reasons, comment};
        String subject = texts.getMessage(event.name() + ".subject", args, locale);
        String body = texts.getMessage(event.name() + ".body", args, locale);
        return messageCenter.post(accountId, event, applicationId, subject, body);
    }

    private static String reasons(List<Reason> reasons) {
        return reasons.stream().map(r -> "- " + r.message() + " (" + r.code() + ")").collect(Collectors.joining("\n"));
    }
}
