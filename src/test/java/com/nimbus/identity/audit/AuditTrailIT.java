package com.nimbus.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a compliance officer reads, on PostgreSQL: who viewed, decided, withdrew and erased, without personal data. */
@IntegrationTest
class AuditTrailIT {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;

    private ApiClient cora() {
        return ApiClient.as(port, "cora", "cora");
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.get("items").forEach(item -> actions.add(item.get("actor").asText() + " " + item.get("action").asText()
                + " " + item.get("detail").asText()));
        return actions;
    }

    @Test
    void viewsDecisionsWithdrawalsAndErasuresAreRecordedAndReadByAccountAndTime() {
        Instant start = Instant.now().minusSeconds(1);
        String accountId = fixtures.account().getId();
        VerificationApplication rejected = fixtures.submitIndividual(accountId);
        fixtures.runJobs(rejected.getId());
        ApiClient browser = ApiClient.anonymous(port);
        assertThat(browser.loginToTasklist("alice", "alice").status()).isEqualTo(200);
        assertThat(browser.get("/review/applications/" + rejected.getId() + "/pages/1").status()).isEqualTo(200);
        assertThat(browser.get("/review/applications/" + rejected.getId() + "/entered-data.png").status()).isEqualTo(200);
        fixtures.reject(rejected.getId(), "[\"DOCUMENT_EXPIRED\"]", "expired");
        fixtures.runJobs(rejected.getId());
        ApiClient console = ApiClient.as(port, "console", "console");
        VerificationApplication withdrawn = fixtures.submitIndividual(accountId);
        assertThat(console.postJson("/api/accounts/" + accountId + "/verification-applications/" + withdrawn.getId()
                + "/withdrawal", "").status()).isEqualTo(200);
        fixtures.runJobs(withdrawn.getId());
        assertThat(console.delete("/api/accounts/" + accountId).status()).isEqualTo(204);
        String otherAccount = fixtures.account().getId();
        fixtures.verifiedIndividual(otherAccount);

        ApiClient.Response trail = cora().get("/api/audit-entries?accountId=" + accountId + "&from=" + start);

        assertThat(trail.status()).as(trail.text()).isEqualTo(200);
        assertThat(actions(trail.json())).containsExactly(
                "alice DOCUMENT_PAGE_VIEWED page 1",
                "alice DOCUMENT_PAGE_VIEWED entered data",
                "alice APPLICATION_DECIDED REJECTED DOCUMENT_EXPIRED",
                "account-holder APPLICATION_WITHDRAWN WITHDRAWN",
                "console ACCOUNT_ERASED 2 applications reduced, 2 document pages and 2 messages deleted");
        assertThat(trail.json().get("items").get(0).get("applicationId").asText()).isEqualTo(rejected.getId());
        assertThat(trail.text()).doesNotContain(rejected.getHolderName()).doesNotContain("@example.com");
        assertThat(trail.json().get("totalItems").asInt()).isEqualTo(5);

        JsonNode paged = cora().get("/api/audit-entries?accountId=" + accountId + "&page=1&size=2").json();
        assertThat(actions(paged)).containsExactly("alice APPLICATION_DECIDED REJECTED DOCUMENT_EXPIRED",
                "account-holder APPLICATION_WITHDRAWN WITHDRAWN");
        assertThat(paged.get("totalPages").asInt()).isEqualTo(3);
        assertThat(cora().get("/api/audit-entries?accountId=" + accountId + "&to=" + start).json().get("totalItems")
                .asInt()).isZero();
        assertThat(actions(cora().get("/api/audit-entries?accountId=" + otherAccount).json()))
                .containsExactly("alice APPLICATION_DECIDED APPROVED");
    }

    @Test
    void onlyComplianceOfficersReadTheTrailAndBadParametersAreRefused() {
        assertThat(ApiClient.as(port, "console", "console").get("/api/audit-entries").status()).isEqualTo(403);
        assertThat(ApiClient.as(port, "demo", "demo").get("/api/audit-entries").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/audit-entries").status()).isEqualTo(401);
        assertThat(cora().get("/api/accounts/any/verification").status()).as("the trail and nothing else").isEqualTo(403);
        ApiClient.Response bad = cora().get("/api/audit-entries?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(cora().get("/api/audit-entries?size=0").status()).isEqualTo(400);
    }
}
