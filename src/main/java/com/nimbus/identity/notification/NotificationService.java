package com.nimbus.identity.notification;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.Reason;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.notification.sms.SmsGateway;
import com.nimbus.identity.notification.sms.SmsGatewayException;
import com.nimbus.identity.vocabulary.ReasonCode;
import com.nimbus.identity.vocabulary.UserGroups;
import com.nimbus.identity.web.PublicBaseUrl;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers notifications, one channel at a time, each at most once: the BPMN "Notify ..." steps call
 * {@link #deliver} once per channel, each call in its own job with a retry cycle.
 *
 * <ul>
 *   <li>{@link Channel#MESSAGE_CENTER}: the message and the record of its delivery are written in the caller's
 *       (the job's) transaction: both or neither.</li>
 *   <li>{@link Channel#EMAIL}, {@link Channel#SMS}: sent first, then the delivery is recorded in a transaction of its
 *       own, so that the record survives a rollback of the job. A failure to send throws
 *       {@link NotificationDeliveryException} and records nothing: the engine retries the job, then raises an
 *       incident; a retry sends again. A retry of a channel already recorded sends nothing.</li>
 * </ul>
 * The texts come from {@link NotificationTemplates}, in the account's language.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final AccountService accounts;
    private final ApplicationService applications;
    private final MessageCenter messageCenter;
    private final NotificationDeliveries deliveries;
    private final NotificationTemplates templates;
    private final EmailSender email;
    private final SmsGateway sms;
    private final IdentityService identity;
    private final NotificationProperties properties;
    private final PublicBaseUrl publicBaseUrl;

    public NotificationService(AccountService accounts, ApplicationService applications, MessageCenter messageCenter,
                               NotificationDeliveries deliveries, NotificationTemplates templates, EmailSender email,
                               SmsGateway sms, IdentityService identity, NotificationProperties properties,
                               PublicBaseUrl publicBaseUrl) {
        this.accounts = accounts;
        this.applications = applications;
        this.messageCenter = messageCenter;
        this.deliveries = deliveries;
        this.templates = templates;
        this.email = email;
        this.sms = sms;
        this.identity = identity;
        this.properties = properties;
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * Delivers one channel of one notification, unless that channel of that notification was delivered before.
     *
     * <p>{@link NotificationEvent#REVIEW_OVERDUE} goes to the supervisors, not to an account holder: its
     * {@code accountId} is ignored (it may be null), {@link Channel#EMAIL} is {@link #notifySupervisors}, and the
     * other channels are {@link DeliveryResult#NOT_APPLICABLE} (supervisors have no message center or phone here).
     * Every other event needs the {@code accountId}.
     *
     * @param notificationKey names one notification, the same for all its channels and for every retry:
     *                        the process instance id and the BPMN step's activity id, joined by ':'
     * @param applicationId   the application it concerns; null only for an event without one
     * @return what was done; never sends a channel twice for the same key
     * @throws NotificationDeliveryException when the email or SMS could not be sent (nothing is recorded)
     */
    @Transactional
    public DeliveryResult deliver(String notificationKey, String accountId, String applicationId,
                                  NotificationEvent event, Channel channel) {
        requireKey(notificationKey);
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(channel, "channel");
        if (event == NotificationEvent.REVIEW_OVERDUE) {
            if (channel != Channel.EMAIL) {
                log.debug("Notification {}: {} goes to supervisors by email only, not by {}", notificationKey, event, channel);
                return DeliveryResult.NOT_APPLICABLE;
            }
            return notifySupervisors(notificationKey, applicationId);
        }
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("Notification " + notificationKey + ": " + event
                    + " goes to an account holder, so it needs an accountId");
        }
        if (deliveries.isDelivered(notificationKey, channel)) {
            log.info("Notification {} ({}) by {} was delivered before: not sent again", notificationKey, event, channel);
            return DeliveryResult.ALREADY_DELIVERED;
        }
        Account account = accounts.find(accountId);
        RenderedNotification rendered = templates.render(contentFor(account, applicationId, event));
        switch (channel) {
            case MESSAGE_CENTER -> {
                messageCenter.post(accountId, event, applicationId, rendered.subject(), rendered.messageBody());
                deliveries.record(notificationKey, channel, event, accountId, applicationId);
            }
            case EMAIL -> {
                if (isBlank(account.getEmail())) {
                    return notApplicable(notificationKey, event, channel, accountId);
                }
                send(notificationKey, event, channel, () -> email.send(List.of(account.getEmail()), rendered,
                        NotificationDeliveries.deliveryId(notificationKey, channel)));
                recordSent(notificationKey, channel, event, accountId, applicationId);
            }
            case SMS -> {
                if (isBlank(account.getPhone())) {
                    return notApplicable(notificationKey, event, channel, accountId);
                }
                send(notificationKey, event, channel, () -> sms.send(account.getPhone(), rendered.sms(),
                        NotificationDeliveries.deliveryId(notificationKey, channel)));
                recordSent(notificationKey, channel, event, accountId, applicationId);
            }
        }
        log.info("Notification {} ({}) delivered by {} to account {}", notificationKey, event, channel, accountId);
        return DeliveryResult.DELIVERED;
    }

    /**
     * Emails {@link NotificationEvent#REVIEW_OVERDUE} to every member of the group {@code identity-supervisors}
     * with an email address (the engine's users), in one email, in {@code identity.notifications.supervisor-language},
     * with a link to Tasklist. Recorded as the {@link Channel#EMAIL} delivery of the key: sent at most once.
     * When no supervisor has an email address, nothing is sent (a warning is logged) and
     * {@link DeliveryResult#NOT_APPLICABLE} is returned: the overdue review is still in the supervisors' Tasklist.
     *
     * @throws NotificationDeliveryException when the email could not be sent
     */
    @Transactional
    public DeliveryResult notifySupervisors(String notificationKey, String applicationId) {
        requireKey(notificationKey);
        NotificationEvent event = NotificationEvent.REVIEW_OVERDUE;
        if (deliveries.isDelivered(notificationKey, Channel.EMAIL)) {
            log.info("Notification {} ({}) by EMAIL was delivered before: not sent again", notificationKey, event);
            return DeliveryResult.ALREADY_DELIVERED;
        }
        List<String> recipients = identity.createUserQuery().memberOfGroup(UserGroups.SUPERVISORS).list().stream()
                .map(User::getEmail)
                .filter(address -> !isBlank(address))
                .map(String::strip)
                .distinct()
                .sorted()
                .toList();
        if (recipients.isEmpty()) {
            log.warn("Notification {} ({}): no member of group {} has an email address; nothing sent",
                    notificationKey, event, UserGroups.SUPERVISORS);
            return DeliveryResult.NOT_APPLICABLE;
        }
        RenderedNotification rendered = templates.render(new NotificationContent(event,
                NotificationContent.localeOf(properties.supervisorLanguage()), applicationId, List.of(), null,
                tasklistUrl()));
        send(notificationKey, event, Channel.EMAIL, () -> email.send(recipients, rendered,
                NotificationDeliveries.deliveryId(notificationKey, Channel.EMAIL)));
        recordSent(notificationKey, Channel.EMAIL, event, null, applicationId);
        log.info("Notification {} ({}) emailed to {} supervisor(s)", notificationKey, event, recipients.size());
        return DeliveryResult.DELIVERED;
    }

    /** {@code identity.notifications.tasklist-url}, or Tasklist under the public base URL. */
    private String tasklistUrl() {
        String configured = properties.tasklistUrl();
        return configured == null || configured.isBlank() ? publicBaseUrl.resolve("/camunda/app/tasklist/") : configured;
    }

    /** The facts of a notification to the holder of {@code account}, in the account's language. */
    private NotificationContent contentFor(Account account, String applicationId, NotificationEvent event) {
        VerificationApplication application = applicationId == null ? null : applications.find(applicationId);
        if (application != null && !application.getAccountId().equals(account.getId())) {
            throw new IllegalArgumentException("Application " + applicationId + " is not of account " + account.getId());
        }
        boolean rejection = event == NotificationEvent.APPLICATION_REJECTED
                || event == NotificationEvent.APPLICATION_REJECTED_AUTOMATICALLY
                || event == NotificationEvent.PHOTO_REQUESTED;
        List<Reason> reasons = List.of();
        String comment = null;
        if (rejection && application != null) {
            reasons = application.getReasons();
            comment = application.getReviewComment();
        } else if (event == NotificationEvent.VERIFICATION_REVOKED && account.getRevocationCode() != null) {
            String message = account.getRevocationMessage() != null ? account.getRevocationMessage() : account.getRevocationCode();
            reasons = List.of(new Reason(account.getRevocationCode(), message));
        } else if (event == NotificationEvent.VERIFICATION_DATA_MISMATCH) {
            reasons = List.of(Reason.of(ReasonCode.ENTERPRISE_DATA_MISMATCH));
        }
        return new NotificationContent(event, NotificationContent.localeOf(account.getLanguage()), applicationId,
                reasons, comment, properties.consoleUrl());
    }

    private static void send(String notificationKey, NotificationEvent event, Channel channel, Runnable sending) {
        try {
            sending.run();
        } catch (MailException | SmsGatewayException e) {
            throw new NotificationDeliveryException("Notification " + notificationKey + " (" + event + ") could not be sent by "
                    + channel + ": " + rootMessage(e), e);
        }
    }

    private void recordSent(String notificationKey, Channel channel, NotificationEvent event, String accountId,
                            String applicationId) {
        try {
            deliveries.recordCommitted(notificationKey, channel, event, accountId, applicationId);
        } catch (DuplicateKeyException e) {
            // another execution of the same job delivered it at the same time: it is recorded already
            log.warn("Notification {} ({}) by {} was delivered twice at the same time", notificationKey, event, channel);
        }
    }

    private static DeliveryResult notApplicable(String notificationKey, NotificationEvent event, Channel channel,
                                                String accountId) {
        log.warn("Notification {} ({}): account {} has no address for {}; nothing sent", notificationKey, event,
                accountId, channel);
        return DeliveryResult.NOT_APPLICABLE;
    }

    private static void requireKey(String notificationKey) {
        if (notificationKey == null || notificationKey.isBlank()) {
            throw new IllegalArgumentException("a notification key is needed to deliver a notification at most once");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? e.getMessage() : e.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
