package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nobody can shut the console's backend out of {@code /api} by guessing its password: wrong credentials are
 * throttled per client address, and the client's own account is never locked by failures, wherever they come from.
 * Each test calls from addresses of its own (the test profile trusts {@code X-Forwarded-For} from the machine, as a
 * node behind a TLS proxy does), so that the throttle of one never meets another.
 */
@IntegrationTest
class ApiCredentialsIT {

    private static final String NEW_ACCOUNT =
            "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}";

    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Moves the engine's clock (and with it the application's) past the longest lock of the engine's guard. */
    private static void waitPastEachLock() {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(10))));
    }

    @Test
    void tenWrongGuessesSpacedPastEachLockLeaveTheConsoleIn() {
        ApiClient guesser = ApiClient.as(port, "console", "guess").from("203.0.113.10");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(guesser.get("/api/accounts/any/verification").status()).as("guess %s", attempt).isEqualTo(401);
            waitPastEachLock();
        }

        Response opened = ApiClient.as(port, "console", "console").from("198.51.100.7").postJson("/api/accounts", NEW_ACCOUNT);

        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    }

    @Test
    void guessesThroughTheEngineRestApiLockTheEngineUserButNotTheApi() {
        ApiClient guesser = ApiClient.as(port, "console", "guess").from("203.0.113.11");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(guesser.get("/engine-rest/task").status()).as("guess %s", attempt).isEqualTo(401);
            waitPastEachLock();
        }
        assertThat(ApiClient.as(port, "console", "console").from("198.51.100.8").get("/engine-rest/task").status())
                .as("the engine's guard has locked the engine user for the engine's own doors").isEqualTo(401);

        Response opened = ApiClient.as(port, "console", "console").from("198.51.100.8").postJson("/api/accounts", NEW_ACCOUNT);

        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    }

    @Test
    void wrongCredentialsAreThrottledPerClientAddress() {
        ApiClient guesser = ApiClient.as(port, "console", "guess").from("192.0.2.50");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(guesser.get("/api/accounts/any/verification").status()).as("guess %s", attempt).isEqualTo(401);
        }

        Response throttled = ApiClient.as(port, "console", "console").from("192.0.2.50").postJson("/api/accounts", NEW_ACCOUNT);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(ApiClient.withApiKey(port, "idv_unknown").from("192.0.2.50").get("/api/accounts/any/verification")
                .status()).as("every way of signing in is throttled from that address").isEqualTo(429);

        Response elsewhere = ApiClient.as(port, "console", "console").from("192.0.2.51").postJson("/api/accounts", NEW_ACCOUNT);
        assertThat(elsewhere.status()).as("another address is not throttled").isEqualTo(201);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(6))));
        Response later = ApiClient.as(port, "console", "console").from("192.0.2.50").postJson("/api/accounts", NEW_ACCOUNT);
        assertThat(later.status()).as("once the period is over").isEqualTo(201);
    }

    @Test
    void requestsWithoutCredentialsAreRefusedButNotCounted() {
        ApiClient anonymous = ApiClient.anonymous(port).from("192.0.2.60");
        for (int attempt = 1; attempt <= 12; attempt++) {
            Response refused = anonymous.get("/api/accounts/any/verification");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(ApiClient.as(port, "console", "console").from("192.0.2.60").postJson("/api/accounts", NEW_ACCOUNT)
                .status()).isEqualTo(201);
    }
}
