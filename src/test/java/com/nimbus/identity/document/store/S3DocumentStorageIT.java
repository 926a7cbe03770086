package com.nimbus.identity.document.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.Processes;
import com.nimbus.identity.support.S3MockServer;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.TestPdfs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with its production store, S3, against a real S3-compatible server (S3Mock, a process of its
 * own): a submission of several pages lands in the bucket encrypted, the checks read it back, the reviewer sees every
 * page. A context of its own (other settings) with a small connection pool, so that it takes few of the database's
 * connections. It stays open until the tests end: closing it would unregister the engine the webapps of the other
 * context find by name.
 */
@IntegrationTest
class S3DocumentStorageIT {

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("identity.documents.store.type", () -> "s3");
        registry.add("identity.documents.store.s3.endpoint", () -> S3MockServer.get().endpoint());
        registry.add("identity.documents.store.s3.bucket", () -> S3MockServer.BUCKET);
        registry.add("identity.documents.store.s3.region", () -> S3MockServer.REGION);
        registry.add("identity.documents.store.s3.key-prefix", () -> "identity/");
        registry.add("identity.documents.store.s3.access-key-id", () -> "test-access-key");
        registry.add("identity.documents.store.s3.secret-access-key", () -> "test-secret-key");
    }

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired DocumentStore store;
    @Autowired FieldCipher cipher;

    @Test
    void aSubmissionIsStoredEncryptedInTheBucketCheckedAndShownToTheReviewer() {
        assertThat(store).isInstanceOf(S3DocumentStore.class);
        ApiClient console = ApiClient.as(port, "console", "console");
        String accountId = console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
        byte[] front = TestImages.documentPng();
        byte[] back = TestPdfs.scanOfPages(1);
        Response submitted = console.submitParts(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                List.of(front, back));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String applicationId = submitted.json().get("applicationId").asText();

        List<String> keys = jdbc.queryForList("select object_key from document_page where application_id = ? order by page_no",
                String.class, applicationId);
        assertThat(keys).hasSize(2).allMatch(key -> key.startsWith("applications/" + applicationId + "/"));
        try (S3DocumentStore bucket = S3DocumentStore.of(new DocumentStoreProperties.S3(S3MockServer.get().endpoint(),
                S3MockServer.REGION, S3MockServer.BUCKET, "", "k", "s", true, Duration.ofSeconds(5), Duration.ofSeconds(30)))) {
            List<String> inBucket = new ArrayList<>();
            bucket.list("identity/applications/" + applicationId + "/", o -> inBucket.add(o.key()));
            assertThat(inBucket).containsExactlyInAnyOrderElementsOf(keys.stream().map(k -> "identity/" + k).toList());
            byte[] sealed = bucket.get("identity/" + keys.get(0));
            assertThat(sealed).isNotEqualTo(front);
            assertThat(cipher.decrypt(sealed, applicationId)).isEqualTo(front);
        }

        Processes.executeJobs(engine, applicationId);
        assertThat(console.get("/api/accounts/" + accountId + "/verification-applications/" + applicationId).json()
                .get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(jdbc.queryForList("select fingerprint from document_page where application_id = ?", Long.class,
                applicationId)).hasSize(2).doesNotContainNull();

        ApiClient browser = ApiClient.anonymous(port);
        assertThat(browser.loginToTasklist("alice", "alice").status()).isEqualTo(200);
        assertThat(TestImages.samePicture(browser.get("/review/applications/" + applicationId + "/document").body(), front))
                .isTrue();
        List<String> cleaned = jdbc.queryForList("select object_key from document_page where application_id = ? "
                + "and reencoded_at is not null", String.class, applicationId);
        assertThat(cleaned).as("the photo was encoded again into a new object").hasSize(1).doesNotContain(keys.get(0));
        Response page2 = browser.get("/review/applications/" + applicationId + "/pages/2");
        assertThat(page2.status()).isEqualTo(200);
        assertThat(page2.contentType()).isEqualTo("image/png");
    }
}
