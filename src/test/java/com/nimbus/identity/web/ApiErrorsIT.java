package com.nimbus.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer of {@code /api} that is not a success is problem+json with a {@code code}: also for requests no endpoint
 * takes, which Spring would otherwise answer with its own JSON.
 */
@IntegrationTest
class ApiErrorsIT {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;

    ApiClient console;
    String accountId;

    @BeforeEach
    void setUp() {
        console = ApiClient.as(port, "console", "console");
        accountId = console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain("timestamp", "trace", "Exception");
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertProblem(console.get("/api/no-such-thing"), 404, "NOT_FOUND");
        assertProblem(console.get("/api/accounts/" + accountId + "/verification/extra"), 404, "NOT_FOUND");
        assertProblem(console.postJson("/api/nothing-here", "{}"), 404, "NOT_FOUND");
    }

    @Test
    void aMethodThePathDoesNotTakeIsNotAllowed() {
        Response deleted = console.delete("/api/accounts/" + accountId + "/verification");
        assertProblem(deleted, 405, "METHOD_NOT_ALLOWED");
        assertThat(deleted.header("Allow")).contains("GET");
        assertProblem(console.putJson("/api/accounts", "{}"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aMalformedParameterIsAValidationFailureNamingIt() {
        Response page = console.get("/api/accounts/" + accountId + "/messages?page=abc");
        assertProblem(page, 400, "VALIDATION_FAILED");
        assertThat(page.json().get("errors").get(0).get("field").asText()).isEqualTo("page");
        Response missing = console.get("/api/accounts/" + accountId + "/entitlements");
        assertProblem(missing, 400, "VALIDATION_FAILED");
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("region");
    }

    @Test
    void anAnswerTheClientDoesNotAcceptAndABodyOfAnotherTypeAreRefused() {
        assertProblem(console.withHeader("Accept", "application/xml").get("/api/accounts/" + accountId + "/verification"),
                406, "NOT_ACCEPTABLE");
        assertProblem(console.send("POST", "/api/accounts", "application/xml", "<account/>".getBytes()), 415,
                "MEDIA_TYPE_UNSUPPORTED");
        assertProblem(console.postJson("/api/accounts", "{not json"), 400, "VALIDATION_FAILED");
    }

    @Test
    void refusalsOfTheSecurityFiltersHaveTheSameShape() {
        assertProblem(ApiClient.anonymous(port).get("/api/no-such-thing"), 401, "UNAUTHORIZED");
        assertProblem(ApiClient.as(port, "alice", "alice").get("/api/accounts/" + accountId + "/verification"), 403,
                "FORBIDDEN");
        assertProblem(ApiClient.as(port, "console", "wrong").from("203.0.113.60").get("/api/accounts"), 401,
                "UNAUTHORIZED");
    }

    @Test
    void theApplicationDecidedProblemHasOneStatusAndTheApplicationsStatusBesideIt() {
        String applicationId = fixtures.verifiedIndividual(accountId).getId();

        Response problem = console.postJson("/api/accounts/" + accountId + "/verification-applications/" + applicationId
                + "/withdrawal", "");

        assertProblem(problem, 409, "APPLICATION_DECIDED");
        assertThat(problem.json().get("applicationStatus").asText()).isEqualTo("APPROVED");
        assertThat(problem.text().split("\"status\"", -1)).as("one status in the body").hasSize(2);
    }
}
