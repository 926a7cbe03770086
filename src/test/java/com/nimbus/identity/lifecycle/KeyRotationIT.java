package com.nimbus.identity.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.document.page.DocumentPages;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.CryptoProperties;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.LegacyCiphertext;
import com.nimbus.identity.support.TestIdentities;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rotating the keys while submissions and reviews run, on PostgreSQL: data sealed by an earlier version with the
 * single key and quota keys made with the fingerprint key derived from it are sealed again with the active key
 * ({@code t2026} in the tests' configuration) and rebuilt with the active fingerprint key ({@code q2026}); afterwards
 * every document opens and every quota counts what it counted.
 */
@IntegrationTest
class KeyRotationIT {

    private static final byte[] SINGLE_KEY = Base64.getDecoder().decode(CryptoProperties.DEVELOPMENT_KEY);

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired FieldCipher cipher;
    @Autowired QuotaService quotas;
    @Autowired DocumentPages pages;
    @Autowired DocumentStore store;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyDocumentOpensAndEveryQuotaCountsAfterARotationUnderLoad() throws Exception {
        String enterprise = TestIdentities.unifiedSocialCreditCode();
        List<VerificationApplication> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(fixtures.approved(fixtures.submitEnterprise(fixtures.account().getId(), enterprise)));
        }
        for (int i = 0; i < 4; i++) {
            before.add(fixtures.approved(fixtures.submitIndividual(fixtures.account().getId())));
        }
        VerificationApplication inReview = fixtures.submitIndividual(fixtures.account().getId());
        fixtures.runJobs(inReview.getId());
        before.add(inReview);
        sealedAsAnEarlierVersion(before);
        assertThat(quotas.fingerprintKeyInUse()).isEqualTo(FieldCipher.legacyKeyId(SINGLE_KEY));
        assertThat(quotas.used(before.get(0).getIdentityKey())).isEqualTo(3);

        AtomicBoolean running = new AtomicBoolean(true);
        List<VerificationApplication> during = new CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(2);
        Future<?> submissions = load.submit(() -> {
            while (running.get() || during.size() < 3) {
                during.add(fixtures.approved(fixtures.submitIndividual(fixtures.account().getId())));
            }
            return null;
        });
        Future<?> reviews = load.submit(() -> {
            while (running.get()) {
                for (VerificationApplication application : before) {
                    assertThat(pages.page(application.getId(), 1)).isPresent();
                }
            }
            return null;
        });
        ApiClient.Response rotated = ApiClient.as(port, "demo", "demo").post("/api/admin/key-rotations");
        running.set(false);
        submissions.get();
        reviews.get();
        load.shutdown();

        assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
        JsonNode report = rotated.json();
        assertThat(report.get("activeKeyId").asText()).isEqualTo("t2026");
        assertThat(report.get("fingerprintKeyId").asText()).isEqualTo("q2026");
        assertThat(report.get("documentNumbers").asInt()).isGreaterThanOrEqualTo(before.size());
        assertThat(report.get("pageObjects").asInt()).isGreaterThanOrEqualTo(before.size());
        assertThat(quotas.fingerprintKeyInUse()).isEqualTo("q2026");

        List<VerificationApplication> all = new ArrayList<>(before);
        all.addAll(during);
        for (VerificationApplication application : all) {
            String sealed = jdbc.queryForObject("select document_number_enc from verification_application where id = ?",
                    String.class, application.getId());
            assertThat(cipher.keyIdOfText(sealed)).isEqualTo("t2026");
            assertThat(cipher.decryptText(sealed, application.getId())).isNotBlank();
            for (Map<String, Object> page : jdbc.queryForList("select object_key, key_id from document_page "
                    + "where application_id = ?", application.getId())) {
                assertThat(page.get("key_id")).isEqualTo("t2026");
                assertThat(cipher.keyIdOf(store.get((String) page.get("object_key")))).isEqualTo("t2026");
            }
            assertThat(pages.page(application.getId(), 1)).as("page of %s opens", application.getId()).isPresent();
        }
        // every quota counts the accounts verified with its identity, under keys made with the new fingerprint key
        List<Map<String, Object>> mismatches = jdbc.queryForList("""
                select q.identity_key, q.used, (select count(*) from account a where a.identity_key = q.identity_key
                   and a.status = 'VERIFIED') verified
                  from identity_quota q
                 where q.used <> (select count(*) from account a where a.identity_key = q.identity_key
                   and a.status = 'VERIFIED')""");
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from verification_application where identity_key not like ? "
                + "and document_number_enc is not null", Integer.class, "%:q2026.%"))
                .as("every quota key made with the new fingerprint key (reduced applications have none)").isZero();
        String enterpriseKey = quotas.identityKey("CN", DocumentType.BUSINESS_LICENSE, enterprise);
        assertThat(enterpriseKey).contains(":q2026.");
        assertThat(quotas.used(enterpriseKey)).isEqualTo(3);

        ApiClient.Response again = ApiClient.as(port, "demo", "demo").post("/api/admin/key-rotations");
        assertThat(again.json().get("documentNumbers").asInt()).as("nothing is left for a second run").isZero();
        assertThat(again.json().get("quotaKeysRebuilt").asInt()).isZero();
        assertThat(ApiClient.as(port, "console", "console").post("/api/admin/key-rotations").status()).isEqualTo(403);
    }

    /** Rewrites the applications' numbers and page objects as versions before named keys sealed them. */
    private void sealedAsAnEarlierVersion(List<VerificationApplication> applications) {
        for (VerificationApplication application : applications) {
            String sealed = jdbc.queryForObject("select document_number_enc from verification_application where id = ?",
                    String.class, application.getId());
            jdbc.update("update verification_application set document_number_enc = ? where id = ?",
                    LegacyCiphertext.sealText(SINGLE_KEY, cipher.decryptText(sealed, application.getId())),
                    application.getId());
            for (String key : jdbc.queryForList("select distinct object_key from document_page where application_id = ?",
                    String.class, application.getId())) {
                store.put(key, LegacyCiphertext.seal(SINGLE_KEY, cipher.decrypt(store.get(key), application.getId())));
            }
            jdbc.update("update document_page set key_id = ? where application_id = ?",
                    FieldCipher.legacyKeyId(SINGLE_KEY), application.getId());
        }
    }
}
