package com.nimbus.identity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestSmtp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every channel of every event, delivered on PostgreSQL to a real SMTP server (GreenMail on spring.mail.port of
 * the test configuration) and to the SMS outbox; at most once per notification and channel; and an SMTP outage.
 */
@IntegrationTest
class NotificationDeliveryIT {

    private static final List<String> REASONS = List.of("NAME_MISMATCH", "DOCUMENT_UNCLEAR");
    private static final String COMMENT = "The surname on the card is 王, not 张.";

    @Autowired
    NotificationService notifications;
    @Autowired
    MessageCenter messageCenter;
    @Autowired
    AccountService accounts;
    @Autowired
    ApplicationService applications;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private GreenMail smtp;
    private NotificationFixtures fixtures;

    @BeforeEach
    void startSmtp() {
        smtp = TestSmtp.running();
        fixtures = new NotificationFixtures(accounts, applications, runtime, jdbc);
    }

    @AfterEach
    void stopSmtp() {
        TestSmtp.running();
    }

    private static String key() {
        return "test-" + UUID.randomUUID() + ":Activity_Notify";
    }

    private List<MailParts> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).map(MailParts::of).filter(m -> m.to().contains(address)).toList();
    }

    @Test
    void everyEventForTheHolderReachesEveryChannel() {
        Account account = fixtures.account("en");
        VerificationApplication application = fixtures.rejectedApplication(account, REASONS, COMMENT);
        EnumSet<NotificationEvent> events = EnumSet.complementOf(EnumSet.of(NotificationEvent.REVIEW_OVERDUE));

        for (NotificationEvent event : events) {
            String key = key();
            for (Channel channel : Channel.values()) {
                assertThat(notifications.deliver(key, account.getId(), application.getId(), event, channel))
                        .as("%s by %s", event, channel).isEqualTo(DeliveryResult.DELIVERED);
            }
            assertThat(fixtures.deliveries(key)).isEqualTo(3);
        }

        List<Message> messages = messageCenter.list(account.getId(), 0, 100).getContent();
        assertThat(messages).extracting(Message::getEvent).containsExactlyInAnyOrderElementsOf(events);
        assertThat(messages).filteredOn(m -> m.getEvent() == NotificationEvent.APPLICATION_REJECTED).singleElement()
                .satisfies(m -> {
                    assertThat(m.getSubject()).isEqualTo("Your identity verification was not approved");
                    assertThat(m.getBody())
                            .contains("- The name entered does not match the name on the document. (NAME_MISMATCH)")
                            .contains("(DOCUMENT_UNCLEAR)").contains(COMMENT);
                    assertThat(m.getApplicationId()).isEqualTo(application.getId());
                });
        List<MailParts> mails = mailTo(account.getEmail());
        assertThat(mails).hasSize(events.size());
        assertThat(mails).extracting(MailParts::subject).containsExactlyInAnyOrderElementsOf(
                messages.stream().map(Message::getSubject).toList());
        assertThat(fixtures.outboxSms(account.getPhone())).isEqualTo(events.size());
    }

    @Test
    void aRejectionEmailInEnglishListsEachReasonWithItsCodeAndTheComment() {
        Account account = fixtures.account("en");
        VerificationApplication application = fixtures.rejectedApplication(account, REASONS, COMMENT);

        notifications.deliver(key(), account.getId(), application.getId(), NotificationEvent.APPLICATION_REJECTED, Channel.EMAIL);

        MailParts mail = mailTo(account.getEmail()).get(0);
        assertThat(mail.to()).containsExactly(account.getEmail());
        assertThat(mail.subject()).isEqualTo("Your identity verification was not approved");
        assertThat(mail.contentTypes()).contains("multipart/alternative", "text/plain", "text/html");
        assertThat(mail.text())
                .contains("- The name entered does not match the name on the document. (NAME_MISMATCH)")
                .contains("- The document photo is not clear enough to check every detail. (DOCUMENT_UNCLEAR)")
                .contains("Comment from the reviewer: " + COMMENT)
                .contains(application.getId())
                .contains("https://console.nimbus.example/messages");
        assertThat(mail.html())
                .contains("The name entered does not match the name on the document.")
                .containsPattern("<code[^>]*>NAME_MISMATCH</code>")
                .containsPattern("<code[^>]*>DOCUMENT_UNCLEAR</code>")
                .contains(COMMENT);
    }

    @Test
    void aRejectionEmailInChineseListsEachReasonWithItsCodeAndTheComment() {
        Account account = fixtures.account("zh-CN");
        VerificationApplication application = fixtures.rejectedApplication(account, REASONS, "证件照片底部被遮挡。");
        String key = key();

        notifications.deliver(key, account.getId(), application.getId(), NotificationEvent.APPLICATION_REJECTED, Channel.EMAIL);
        notifications.deliver(key, account.getId(), application.getId(), NotificationEvent.APPLICATION_REJECTED, Channel.SMS);
        notifications.deliver(key, account.getId(), application.getId(), NotificationEvent.APPLICATION_REJECTED, Channel.MESSAGE_CENTER);

        MailParts mail = mailTo(account.getEmail()).get(0);
        assertThat(mail.subject()).isEqualTo("您的实名认证未通过");
        assertThat(mail.text()).startsWith("您好：")
                .contains("- 填写的姓名与证件上的姓名不一致。 (NAME_MISMATCH)")
                .contains("- 证件照片不够清晰，无法核对全部信息。 (DOCUMENT_UNCLEAR)")
                .contains("审核人员备注：证件照片底部被遮挡。");
        assertThat(mail.html()).contains("填写的姓名与证件上的姓名不一致。")
                .containsPattern("<code[^>]*>NAME_MISMATCH</code>").contains("证件照片底部被遮挡。");
        assertThat(fixtures.lastOutboxSms(account.getPhone())).isEqualTo("【Nimbus Cloud】您的实名认证未通过，请在控制台消息中心查看原因。");
        assertThat(messageCenter.list(account.getId(), 0, 10).getContent()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("您的实名认证未通过"));
    }

    @Test
    void aSecondDeliveryOfTheSameNotificationAndChannelSendsNothing() {
        Account account = fixtures.account("en");
        VerificationApplication application = fixtures.rejectedApplication(account, REASONS, null);
        String key = key();

        for (int attempt = 1; attempt <= 2; attempt++) {
            for (Channel channel : Channel.values()) {
                assertThat(notifications.deliver(key, account.getId(), application.getId(),
                        NotificationEvent.APPLICATION_REJECTED, channel))
                        .isEqualTo(attempt == 1 ? DeliveryResult.DELIVERED : DeliveryResult.ALREADY_DELIVERED);
            }
        }

        assertThat(messageCenter.list(account.getId(), 0, 10).getTotalElements()).isEqualTo(1);
        assertThat(mailTo(account.getEmail())).hasSize(1);
        assertThat(fixtures.outboxSms(account.getPhone())).isEqualTo(1);
        assertThat(fixtures.deliveries(key)).isEqualTo(3);
        // another notification (another step, or another process instance) is delivered again
        notifications.deliver(key(), account.getId(), application.getId(), NotificationEvent.APPLICATION_REJECTED, Channel.EMAIL);
        assertThat(mailTo(account.getEmail())).hasSize(2);
    }

    @Test
    void withTheSmtpServerDownTheEmailThrowsAndRecordsNothingThenIsSentOnceWhenTheServerIsBack() {
        Account account = fixtures.account("en");
        VerificationApplication application = fixtures.rejectedApplication(account, REASONS, null);
        String key = key();
        TestSmtp.stop();

        assertThatThrownBy(() -> notifications.deliver(key, account.getId(), application.getId(),
                NotificationEvent.APPLICATION_REJECTED, Channel.EMAIL))
                .isInstanceOf(NotificationDeliveryException.class)
                .hasMessageContaining(key).hasMessageContaining("EMAIL")
                .hasMessageNotContaining(account.getEmail());
        assertThat(fixtures.deliveries(key)).isZero();

        smtp = TestSmtp.running();
        assertThat(notifications.deliver(key, account.getId(), application.getId(),
                NotificationEvent.APPLICATION_REJECTED, Channel.EMAIL)).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(notifications.deliver(key, account.getId(), application.getId(),
                NotificationEvent.APPLICATION_REJECTED, Channel.EMAIL)).isEqualTo(DeliveryResult.ALREADY_DELIVERED);

        assertThat(mailTo(account.getEmail())).hasSize(1);
        assertThat(fixtures.deliveries(key)).isEqualTo(1);
    }

    @Test
    void anEmailSentInAJobThatRollsBackIsNotSentAgainButAMessageCenterPostIsRolledBackWithIt() {
        Account account = fixtures.account("en");
        VerificationApplication application = fixtures.rejectedApplication(account, REASONS, null);
        String key = key();
        TransactionTemplate job = new TransactionTemplate(transactions);

        job.executeWithoutResult(status -> {
            for (Channel channel : Channel.values()) {
                notifications.deliver(key, account.getId(), application.getId(), NotificationEvent.APPLICATION_REJECTED, channel);
            }
            status.setRollbackOnly(); // as when the engine fails to commit the job
        });
        assertThat(messageCenter.list(account.getId(), 0, 10).getTotalElements()).isZero();
        assertThat(mailTo(account.getEmail())).hasSize(1);
        assertThat(fixtures.outboxSms(account.getPhone())).isEqualTo(1);

        job.executeWithoutResult(status -> {
            for (Channel channel : Channel.values()) {
                notifications.deliver(key, account.getId(), application.getId(), NotificationEvent.APPLICATION_REJECTED, channel);
            }
        });
        assertThat(messageCenter.list(account.getId(), 0, 10).getTotalElements()).isEqualTo(1);
        assertThat(mailTo(account.getEmail())).hasSize(1);
        assertThat(fixtures.outboxSms(account.getPhone())).isEqualTo(1);
        assertThat(fixtures.deliveries(key)).isEqualTo(3);
    }

    @Test
    void anOverdueReviewIsEmailedToTheSupervisorsAndToNoOtherChannel() {
        Account account = fixtures.account("en");
        VerificationApplication application = fixtures.rejectedApplication(account, REASONS, null);
        String key = key();

        assertThat(notifications.deliver(key, null, application.getId(), NotificationEvent.REVIEW_OVERDUE, Channel.MESSAGE_CENTER))
                .isEqualTo(DeliveryResult.NOT_APPLICABLE);
        assertThat(notifications.deliver(key, null, application.getId(), NotificationEvent.REVIEW_OVERDUE, Channel.SMS))
                .isEqualTo(DeliveryResult.NOT_APPLICABLE);
        assertThat(notifications.deliver(key, null, application.getId(), NotificationEvent.REVIEW_OVERDUE, Channel.EMAIL))
                .isEqualTo(DeliveryResult.DELIVERED);
        assertThat(notifications.notifySupervisors(key, application.getId())).isEqualTo(DeliveryResult.ALREADY_DELIVERED);

        // carol is the seeded supervisor (support.SeededUsers)
        List<MailParts> mails = mailTo("carol@example.com");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("A verification review is overdue");
        assertThat(mails.get(0).text()).contains("The review of application " + application.getId() + " is past its due date.")
                .contains("/camunda/app/tasklist/");
        assertThat(mailTo(account.getEmail())).isEmpty();
        assertThat(messageCenter.list(account.getId(), 0, 10).getTotalElements()).isZero();
    }

    @Test
    void anEventForTheHolderNeedsTheAccount() {
        assertThatThrownBy(() -> notifications.deliver(key(), null, null, NotificationEvent.APPLICATION_APPROVED, Channel.EMAIL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
