package com.nimbus.identity.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.account.NewAccount;
import com.nimbus.identity.application.ApplicationService;
import com.nimbus.identity.document.rules.UnifiedSocialCreditCode;
import com.nimbus.identity.security.DemoDataProperties;
import com.nimbus.identity.security.EmbeddedDatabase;
import java.awt.Color;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of the embedded default ({@code identity.demo-data.applications}): five applications waiting for review,
 * submitted through the application's own service like the console's, with drawn document pages
 * ({@link DemoDocuments}), so that {@code alice} finds work in Tasklist at her first login: an individual with a
 * two-page identity card, a passport, an enterprise's business license, and a second account that sent the same photo
 * as the first (the same-photo warning, and its page beside the other in the form). The automated checks run on them
 * as on any application. Seeded once: a row of {@code demo_data_seeded} is written in the same transaction, so a
 * restart, or a second node, seeds nothing more.
 */
@Component
class DemoApplications {

    static final String NAME = "review-queue";
    private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

    private final AccountService accounts;
    private final ApplicationService applications;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean enabled;

    DemoApplications(AccountService accounts, ApplicationService applications, JdbcTemplate jdbc,
                     TransactionTemplate transaction, ObjectMapper json, Clock clock, DemoDataProperties demoData,
                     Environment environment) {
        this.accounts = accounts;
        this.applications = applications;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.enabled = demoData.seedApplications(EmbeddedDatabase.isEmbeddedDefault(environment));
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnStart() {
        if (enabled) {
            seed();
        }
    }

    /** Seeds the applications unless they were seeded before; true when this call seeded them. */
    boolean seed() {
        Boolean seeded = transaction.execute(status -> {
            try {
                jdbc.update("insert into demo_data_seeded (name, seeded_at) values (?, ?)", NAME,
                        Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException alreadySeeded) {
                return false;
            }
            submitAll();
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Demo data: five applications submitted for review (log into Tasklist as alice)");
        }
        return Boolean.TRUE.equals(seeded);
    }

    /** One demo submission: the holder's account and the application with its pages. */
    record Submission(String email, String phone, String region, String language, Map<String, String> application,
                      List<byte[]> pages) {
    }

    /** The five demo submissions, in the order they are made. */
    static List<Submission> submissions() {
        List<Submission> all = new java.util.ArrayList<>();
        Color red = new Color(170, 30, 40);
        Color navy = new Color(20, 50, 110);
        Color green = new Color(30, 100, 60);
        String wangId = DemoDocuments.residentId("110101", "19900307", "123");
        byte[] wangFront = DemoDocuments.png(new DemoDocuments.Page("RESIDENT IDENTITY CARD", List.of(
                "NAME   WANG XIAOMING", "SEX    M   BORN 1990-03-07", "ADDR   1 JIANGUO ROAD", "       BEIJING",
                "NO.    " + wangId), red, 4));
        byte[] wangBack = DemoDocuments.png(new DemoDocuments.Page("RESIDENT IDENTITY CARD", List.of(
                "ISSUED BY   BEIJING PSB", "VALID  2020-01-01 TO 2040-01-01", "SPECIMEN FOR DEMONSTRATION"), red, 8));
        all.add(new Submission("wang@example.com", "+8613800138000", "CN", "zh-CN", Map.of(
                "identityType", "INDIVIDUAL", "fullName", "Wang Xiaoming", "address", "1 Jianguo Road, Beijing",
                "documentType", "ID_CARD", "documentNumber", wangId), List.of(wangFront, wangBack)));

        all.add(new Submission("chen@example.com", "+8613900139000", "CN", "zh-CN", Map.of(
                "identityType", "INDIVIDUAL", "fullName", "Chen Jing", "address", "88 Huaihai Road, Shanghai",
                "documentType", "PASSPORT", "documentNumber", "E48213579"), List.of(DemoDocuments.png(new DemoDocuments.Page(
                "PASSPORT", List.of("SURNAME   CHEN", "GIVEN     JING", "NATIONALITY  CHN", "BORN  1988-11-21",
                        "NO.  E48213579"), navy, 1)))));

        String organisation = "MA01DE7K";
        String first17 = "91" + "310115" + organisation + UnifiedSocialCreditCode.organisationCodeCheck(organisation);
        String uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        all.add(new Submission("finance@lanshan.example.com", "+8602161234567", "CN", "zh-CN", Map.of(
                "identityType", "ENTERPRISE", "enterpriseName", "Lanshan Cloud Technology Co., Ltd.",
                "registeredAddress", "100 Zhangjiang Road, Pudong, Shanghai", "documentType", "BUSINESS_LICENSE",
                "registrationNumber", uscc), List.of(DemoDocuments.png(new DemoDocuments.Page("BUSINESS LICENSE",
                List.of("LANSHAN CLOUD TECHNOLOGY", "CO., LTD.", "USCC  " + uscc, "100 ZHANGJIANG ROAD",
                        "PUDONG, SHANGHAI"), green, 2)))));

        all.add(new Submission("sam@example.com", "+447700900123", "GB", "en", Map.of(
                "identityType", "INDIVIDUAL", "fullName", "Sam Taylor", "address", "10 Baker Street, London",
                "documentType", "PASSPORT", "documentNumber", "533401372"), List.of(DemoDocuments.png(new DemoDocuments.Page(
                "PASSPORT", List.of("SURNAME   TAYLOR", "GIVEN     SAM", "NATIONALITY  GBR", "BORN  1985-06-02",
                        "NO.  533401372"), new Color(90, 20, 60), 3)))));

        // another account sends Wang's photo with another name: the same-photo warning
        all.add(new Submission("li@example.com", "+8613700137000", "CN", "zh-CN", Map.of(
                "identityType", "INDIVIDUAL", "fullName", "Li Hua", "address", "5 Renmin Road, Tianjin",
                "documentType", "ID_CARD", "documentNumber", DemoDocuments.residentId("120101", "19920415", "456")),
                List.of(wangFront)));
        return all;
    }

    private void submitAll() {
        submissions().forEach(s -> submit(s.email(), s.phone(), s.region(), s.language(), s.application(),
                s.pages().toArray(byte[][]::new)));
    }

    private void submit(String email, String phone, String region, String language, Map<String, String> application,
                        byte[]... pages) {
        String accountId = accounts.open(new NewAccount(email, phone, region, language)).getId();
        try {
            applications.submit(accountId, json.writeValueAsString(new LinkedHashMap<>(application)), pages);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
