package com.nimbus.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Concurrently;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.vocabulary.UserGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client that is not sure its request arrived sends it again with the same {@code Idempotency-Key}: the API answers
 * the first answer and creates nothing more, also when both arrive at once; the same key with another request is
 * refused.
 */
@IntegrationTest
class IdempotencyIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static String account(String email) {
        return "{\"email\":\"" + email + "\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}";
    }

    private int accountsWith(String email) {
        return jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email);
    }

    private ApiClient console(String key) {
        return ApiClient.as(port, "console", "console").withHeader("Idempotency-Key", key);
    }

    @Test
    void theSameRequestAgainAnswersTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String email = key + "@example.com";

        Response first = console(key).postJson("/api/accounts", account(email));
        Response again = console(key).postJson("/api/accounts",
                "{ \"registrationRegion\": \"CN\", \"phone\": \"+8613800138000\", \"email\": \"" + email + "\" }");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void aReplayedWebhookSubscriptionGivesTheSecretAgainWhichRestsOnlyEncrypted() {
        String key = UUID.randomUUID().toString();
        String subscription = "{\"url\":\"http://127.0.0.1:9/hooks/" + key + "\",\"events\":[\"application.approved\"]}";

        Response first = console(key).postJson("/api/webhook-subscriptions", subscription);
        Response again = console(key).postJson("/api/webhook-subscriptions", subscription);

        assertThat(first.status()).isEqualTo(201);
        String secret = first.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("secret").asText()).isEqualTo(secret);
        byte[] stored = jdbc.queryForObject("select body from idempotency_key where idem_key = ?", byte[].class, key);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()))
                .doesNotContain(first.json().get("id").asText());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(console(key).postJson("/api/accounts", account(key + "@example.com")).status()).isEqualTo(201);

        Response other = console(key).postJson("/api/accounts", account("other-" + key + "@example.com"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(accountsWith("other-" + key + "@example.com")).isZero();
    }

    @Test
    void concurrentDuplicatesCreateOneAccount() {
        String key = UUID.randomUUID().toString();
        String email = key + "@example.com";
        List<Callable<Response>> sends = Collections.nCopies(6, () -> console(key).postJson("/api/accounts", account(email)));

        List<Concurrently.Outcome<Response>> outcomes = Concurrently.run(sends);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.value().status()).isIn(201, 409));
        assertThat(outcomes.stream().filter(o -> o.value().status() == 201).map(o -> o.value().json().get("accountId"))
                .distinct()).hasSize(1);
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void aSubmissionRetriedWithAnotherMultipartBoundaryIsTheSameRequest() {
        String accountId = console(UUID.randomUUID().toString()).postJson("/api/accounts",
                account("multipart@example.com")).json().get("accountId").asText();
        String key = UUID.randomUUID().toString();
        String application = Fixtures.individualJson(TestIdentities.cnResidentId());
        byte[] photo = TestImages.documentPng();

        Response first = console(key).submit(accountId, application, photo, "id.png", "----first-" + UUID.randomUUID());
        Response again = console(key).submit(accountId, application, photo, "id.png", "----again-" + UUID.randomUUID());

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("applicationId")).isEqualTo(first.json().get("applicationId"));
        assertThat(jdbc.queryForObject("select count(*) from verification_application where account_id = ?",
                Integer.class, accountId)).isEqualTo(1);
        Response otherPhoto = console(key).submit(accountId, application, TestImages.documentJpeg(), "id.jpg");
        assertThat(otherPhoto.status()).isEqualTo(422);
    }

    @Test
    void aFailedRequestIsNotRememberedSoTheKeyMayTryAgain() {
        String key = UUID.randomUUID().toString();
        String email = key + "@example.com";
        Response invalid = console(key).postJson("/api/accounts",
                "{\"email\":\"" + email + "\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"??\"}");
        assertThat(invalid.status()).isEqualTo(400);

        Response corrected = console(key).postJson("/api/accounts", account(email));

        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void keysAreTheClientsOwnAndLastADay() {
        String key = UUID.randomUUID().toString();
        String email = key + "@example.com";
        assertThat(console(key).postJson("/api/accounts", account(email)).status()).isEqualTo(201);
        if (identity.createUserQuery().userId("second-client").count() == 0) {
            User second = identity.newUser("second-client");
            second.setPassword("second client password");
            identity.saveUser(second);
            identity.createMembership("second-client", UserGroups.API_CLIENTS);
        }
        Response otherClient = ApiClient.as(port, "second-client", "second client password")
                .withHeader("Idempotency-Key", key).postJson("/api/accounts", account(email));
        assertThat(otherClient.status()).as("another client's key of the same name").isEqualTo(201);
        assertThat(otherClient.header("Idempotent-Replayed")).isNull();
        assertThat(accountsWith(email)).isEqualTo(2);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(25))));
        Response dayLater = console(key).postJson("/api/accounts", account(email));

        assertThat(dayLater.status()).isEqualTo(201);
        assertThat(dayLater.header("Idempotent-Replayed")).isNull();
        assertThat(accountsWith(email)).isEqualTo(3);
    }

    @Test
    void aMalformedKeyIsRefusedAndCreatesNothing() {
        String email = UUID.randomUUID() + "@example.com";
        Response spaced = console("has spaces").postJson("/api/accounts", account(email));
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(console("k".repeat(256)).postJson("/api/accounts", account(email)).status()).isEqualTo(400);
        assertThat(accountsWith(email)).isZero();
    }
}
