package com.nimbus.identity.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.application.Reason;
import com.nimbus.identity.vocabulary.ReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The templates and texts of every event in both languages, and the override directory, without Spring. */
class NotificationTemplatesTest {

    private static final Locale ZH_CN = NotificationContent.localeOf("zh-CN");
    private static final String APPLICATION_ID = "0b6e2c1a-6a57-4a2e-9a43-4d0b8f1c2d3e";
    private static final List<Reason> REVIEWER_REASONS = List.of(Reason.of(ReasonCode.NAME_MISMATCH),
            Reason.of(ReasonCode.DOCUMENT_UNCLEAR));

    private final NotificationTemplates templates = new NotificationTemplates(NotificationProperties.defaults());

    @ParameterizedTest
    @EnumSource(NotificationEvent.class)
    void everyEventHasEveryTextInBothLanguages(NotificationEvent event) {
        for (Locale locale : List.of(Locale.ENGLISH, ZH_CN)) {
            RenderedNotification r = templates.render(new NotificationContent(event, locale, APPLICATION_ID,
                    REVIEWER_REASONS, "A comment", "https://console.example.com/messages"));
            for (String part : List.of(r.subject(), r.messageBody(), r.emailText(), r.emailHtml(), r.sms())) {
                assertThat(part).isNotBlank().doesNotContain("??").doesNotContain("[(").doesNotContainPattern("[\\s\\[]th:");
            }
            assertThat(r.sms()).doesNotContain("\n").hasSizeLessThanOrEqualTo(120);
            assertThat(r.emailHtml()).contains("<html").contains(r.subject().replace("'", "&#39;"));
        }
    }

    @Test
    void englishRejectionListsEachReasonWithItsCodeAndTheReviewersComment() {
        RenderedNotification r = templates.render(new NotificationContent(NotificationEvent.APPLICATION_REJECTED,
                Locale.ENGLISH, APPLICATION_ID, REVIEWER_REASONS, "The photo is cut off at the bottom.", null));

        assertThat(r.subject()).isEqualTo("Your identity verification was not approved");
        assertThat(r.messageBody()).isEqualTo("""
                Your identity verification application %s was not approved.

                For these reasons:
                - The name entered does not match the name on the document. (NAME_MISMATCH)
                - The document photo is not clear enough to check every detail. (DOCUMENT_UNCLEAR)

                Comment from the reviewer: The photo is cut off at the bottom.

                Please correct the information and submit again. You may resubmit as often as you need.""".formatted(APPLICATION_ID));
        assertThat(r.emailText()).startsWith("Hello,\n\nYour identity verification application " + APPLICATION_ID)
                .contains("- The name entered does not match the name on the document. (NAME_MISMATCH)")
                .contains("- The document photo is not clear enough to check every detail. (DOCUMENT_UNCLEAR)")
                .contains("Comment from the reviewer: The photo is cut off at the bottom.")
                .contains("Nimbus Cloud identity verification");
        assertThat(r.emailHtml())
                .contains("<span>The name entered does not match the name on the document.</span>")
                .containsPattern("<code[^>]*>NAME_MISMATCH</code>")
                .containsPattern("<code[^>]*>DOCUMENT_UNCLEAR</code>")
                .contains(">The photo is cut off at the bottom.</blockquote>")
                .contains("lang=\"en\"");
        assertThat(r.sms()).isEqualTo("[Nimbus Cloud] Your identity verification was not approved."
                + " See the reasons in the console's message center.");
    }

    @Test
    void chineseRejectionTranslatesTheReasonsAndKeepsTheirCodes() {
        RenderedNotification r = templates.render(new NotificationContent(NotificationEvent.APPLICATION_REJECTED,
                ZH_CN, APPLICATION_ID, REVIEWER_REASONS, "照片底部被裁掉了。", null));

        assertThat(r.subject()).isEqualTo("您的实名认证未通过");
        assertThat(r.messageBody())
                .startsWith("您的实名认证申请 " + APPLICATION_ID + " 未通过审核。")
                .contains("原因如下：\n- 填写的姓名与证件上的姓名不一致。 (NAME_MISMATCH)\n- 证件照片不够清晰，无法核对全部信息。 (DOCUMENT_UNCLEAR)")
                .contains("审核人员备注：照片底部被裁掉了。");
        assertThat(r.emailText()).startsWith("您好：").contains("(NAME_MISMATCH)").contains("照片底部被裁掉了。");
        assertThat(r.emailHtml()).contains("填写的姓名与证件上的姓名不一致。").containsPattern("<code[^>]*>NAME_MISMATCH</code>")
                .contains("lang=\"zh-CN\"");
        assertThat(r.sms()).isEqualTo("【Nimbus Cloud】您的实名认证未通过，请在控制台消息中心查看原因。");
    }

    @Test
    void aReasonWithoutTranslationKeepsTheProductsMessage() {
        RenderedNotification r = templates.render(new NotificationContent(NotificationEvent.APPLICATION_REJECTED,
                ZH_CN, APPLICATION_ID, List.of(new Reason("SOMETHING_NEW", "A reason added later.")), null, null));

        assertThat(r.messageBody()).contains("- A reason added later. (SOMETHING_NEW)");
    }

    @Test
    void theReviewersCommentIsEscapedInHtml() {
        RenderedNotification r = templates.render(new NotificationContent(NotificationEvent.APPLICATION_REJECTED,
                Locale.ENGLISH, APPLICATION_ID, List.of(Reason.of(ReasonCode.OTHER)),
                "<script>alert('x')</script> & <b>bold</b>", null));

        assertThat(r.emailHtml()).doesNotContain("<script>").doesNotContain("<b>bold")
                .contains("&lt;script&gt;").contains("&amp; &lt;b&gt;bold&lt;/b&gt;");
        assertThat(r.emailText()).contains("<script>alert('x')</script> & <b>bold</b>");
    }

    @Test
    void anApprovalHasNoReasonsOrCommentAndLinksTheMessageCenter() {
        RenderedNotification r = templates.render(new NotificationContent(NotificationEvent.APPLICATION_APPROVED,
                Locale.ENGLISH, APPLICATION_ID, List.of(), null, "https://console.example.com/messages"));

        assertThat(r.messageBody()).isEqualTo("Your identity verification application " + APPLICATION_ID
                + " was approved. Your account is now verified.");
        assertThat(r.emailHtml()).doesNotContain("Reasons").doesNotContain("Comment from the reviewer")
                .contains("href=\"https://console.example.com/messages\"").contains("Open the message center");
        assertThat(r.emailText()).contains("Open the message center: https://console.example.com/messages");
    }

    @Test
    void theRevocationNamesItsReason() {
        RenderedNotification r = templates.render(new NotificationContent(NotificationEvent.VERIFICATION_REVOKED,
                ZH_CN, null, List.of(Reason.of(ReasonCode.ENTERPRISE_DISSOLVED)), null, null));

        assertThat(r.subject()).isEqualTo("您的企业实名认证已被撤销");
        assertThat(r.messageBody()).contains("企业登记信息显示该企业已注销。 (ENTERPRISE_DISSOLVED)");
        assertThat(r.emailHtml()).doesNotContain("申请编号");
    }

    @Test
    void supervisorsGetTheirFooterAndALinkToTasklist() {
        RenderedNotification r = templates.render(new NotificationContent(NotificationEvent.REVIEW_OVERDUE,
                Locale.ENGLISH, APPLICATION_ID, List.of(), null, "http://localhost:8080/camunda/app/tasklist/"));

        assertThat(r.subject()).isEqualTo("A verification review is overdue");
        assertThat(r.emailText()).contains("The review of application " + APPLICATION_ID + " is past its due date.")
                .contains("Open Tasklist: http://localhost:8080/camunda/app/tasklist/")
                .contains("You receive this email as a member of the identity supervisors.");
    }

    @Test
    void aTemplateDirectoryOverridesTemplatesAndTextsAndFallsBackToTheProducts(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sms.txt"), "[(#{sms.line(${sms})})] Ref [(${applicationId})]", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("messages.properties"),
                "APPLICATION_APPROVED.subject=Welcome aboard: you''re verified\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("messages_zh_CN.properties"),
                "APPLICATION_APPROVED.subject=欢迎！认证已通过\n", StandardCharsets.UTF_8);
        NotificationTemplates custom = new NotificationTemplates(
                NotificationProperties.defaults().withTemplateDir(dir.toString()));

        RenderedNotification en = custom.render(new NotificationContent(NotificationEvent.APPLICATION_APPROVED,
                Locale.ENGLISH, "app-1", List.of(), null, null));
        RenderedNotification zh = custom.render(new NotificationContent(NotificationEvent.APPLICATION_APPROVED,
                ZH_CN, "app-1", List.of(), null, null));
        RenderedNotification zhRejected = custom.render(new NotificationContent(NotificationEvent.APPLICATION_REJECTED,
                ZH_CN, "app-1", List.of(), null, null));

        assertThat(en.subject()).isEqualTo("Welcome aboard: you're verified");
        assertThat(en.sms()).isEqualTo("[Nimbus Cloud] Your identity verification was approved. Your account is now verified. Ref app-1");
        assertThat(en.emailHtml()).contains("Welcome aboard: you&#39;re verified");
        assertThat(zh.subject()).isEqualTo("欢迎！认证已通过");
        // a key the directory does not have, and the templates it does not have, are the product's
        assertThat(zhRejected.subject()).isEqualTo("您的实名认证未通过");
        assertThat(zh.messageBody()).startsWith("您的实名认证申请 app-1 已通过审核");
    }

    @Test
    void anEditInTheTemplateDirectoryIsUsedAfterTheCacheTimeToLive(@TempDir Path dir) throws IOException {
        NotificationTemplates custom = new NotificationTemplates(new NotificationProperties(dir.toString(),
                Duration.ZERO, "x@example.com", null, null, "en"));
        NotificationContent approved = new NotificationContent(NotificationEvent.APPLICATION_APPROVED, Locale.ENGLISH,
                "app-1", List.of(), null, null);
        assertThat(custom.render(approved).sms()).startsWith("[Nimbus Cloud] Your identity");

        Files.writeString(dir.resolve("sms.txt"), "Edited [(${sms})]", StandardCharsets.UTF_8);

        assertThat(custom.render(approved).sms()).startsWith("Edited Your identity");
    }
}
