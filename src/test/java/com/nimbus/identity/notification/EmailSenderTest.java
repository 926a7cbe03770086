package com.nimbus.identity.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nimbus.identity.application.Reason;
import com.nimbus.identity.vocabulary.ReasonCode;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An email as a mail client receives it from a real SMTP server (GreenMail), without Spring's context. */
class EmailSenderTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final NotificationTemplates templates = new NotificationTemplates(NotificationProperties.defaults());
    private EmailSender sender;

    @BeforeEach
    void sender() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        sender = new EmailSender(mail, new NotificationProperties(null, null,
                "Nimbus Cloud <no-reply@nimbus.example>", null, null, "en"));
    }

    @Test
    void anEmailHasAnHtmlPartAndAPlainTextAlternative() throws Exception {
        RenderedNotification rejection = templates.render(new NotificationContent(NotificationEvent.APPLICATION_REJECTED,
                Locale.ENGLISH, "app-42", List.of(Reason.of(ReasonCode.ADDRESS_MISMATCH)), "Street number differs.", null));

        sender.send(List.of("holder@example.com"), rejection);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MailParts mail = MailParts.of(received[0]);
        assertThat(mail.to()).containsExactly("holder@example.com");
        assertThat(mail.from()).isEqualTo("no-reply@nimbus.example");
        assertThat(mail.subject()).isEqualTo("Your identity verification was not approved");
        assertThat(mail.contentTypes()).contains("multipart/alternative", "text/plain", "text/html");
        assertThat(mail.text()).contains("The address entered does not match the address on the document. (ADDRESS_MISMATCH)")
                .contains("Street number differs.");
        assertThat(mail.html()).contains("The address entered does not match the address on the document.")
                .containsPattern("<code[^>]*>ADDRESS_MISMATCH</code>").contains("Street number differs.");
        assertThat(received[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void aChineseEmailArrivesIntact() throws Exception {
        RenderedNotification approval = templates.render(new NotificationContent(NotificationEvent.APPLICATION_APPROVED,
                NotificationContent.localeOf("zh-CN"), "app-7", List.of(), null, null));

        sender.send(List.of("zhang@example.com"), approval);

        MailParts mail = MailParts.of(smtp.getReceivedMessages()[0]);
        assertThat(mail.subject()).isEqualTo("您的实名认证已通过");
        assertThat(mail.text()).contains("您的实名认证申请 app-7 已通过审核");
        assertThat(mail.html()).contains("您的实名认证申请 app-7 已通过审核");
    }

    @Test
    void oneEmailCanGoToSeveralRecipients() {
        RenderedNotification overdue = templates.render(new NotificationContent(NotificationEvent.REVIEW_OVERDUE,
                Locale.ENGLISH, "app-9", List.of(), null, null));

        sender.send(List.of("carol@example.com", "dave@example.com"), overdue);

        assertThat(smtp.getReceivedMessages()).hasSize(2); // one copy per mailbox
        assertThat(MailParts.of(smtp.getReceivedMessages()[0]).to())
                .containsExactly("carol@example.com", "dave@example.com");
    }

    @Test
    void anEmailSentAgainForTheSameDeliveryHasTheSameMessageId() throws Exception {
        RenderedNotification approval = templates.render(new NotificationContent(NotificationEvent.APPLICATION_APPROVED,
                Locale.ENGLISH, "app-7", List.of(), null, null));
        String deliveryId = NotificationDeliveries.deliveryId("pi-7:Activity_NotifyApproval", Channel.EMAIL);

        sender.send(List.of("holder@example.com"), approval, deliveryId);
        sender.send(List.of("holder@example.com"), approval, deliveryId);
        sender.send(List.of("holder@example.com"), approval,
                NotificationDeliveries.deliveryId("pi-8:Activity_NotifyApproval", Channel.EMAIL));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo("<" + deliveryId + "@nimbus.example>")
                .isEqualTo(received[1].getMessageID()).isNotEqualTo(received[2].getMessageID());
    }
}
