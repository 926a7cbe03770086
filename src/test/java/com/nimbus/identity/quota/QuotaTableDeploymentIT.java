package com.nimbus.identity.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.application.ApplicationRepository;
import com.nimbus.identity.application.ApplicationStatus;
import com.nimbus.identity.application.Reason;
import com.nimbus.identity.application.VerificationApplication;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.ModelRuleTables;
import com.nimbus.identity.support.TestIdentities;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decision table identity-quota as process owners change it: a version owen deploys through /engine-rest
 * governs the next approval, an override row for one enterprise's quota key grants it more, a lowered limit takes
 * nothing away, and the registration number never enters the engine's tables.
 */
@IntegrationTest
class QuotaTableDeploymentIT {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationRepository applications;
    @Autowired QuotaService quotas;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private final List<String> ownersDeployments = new ArrayList<>();

    @AfterEach
    void backToTheShippedTable() {
        ownersDeployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    private ApiClient owen() {
        return ApiClient.as(port, "owen", "owen");
    }

    private void deployAsOwen(String dmn) {
        ApiClient.Response deployed = owen().deploy("identity-quota", "identity-quota.dmn", dmn);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        ownersDeployments.add(deployed.json().get("id").asText());
    }

    private static String enterpriseLimit(int accounts) {
        return ModelRuleTables.text("identity-quota").replace("<text>5</text>", "<text>" + accounts + "</text>");
    }

    private VerificationApplication inReview(String registrationNumber) {
        VerificationApplication application = fixtures.submitEnterprise(fixtures.account().getId(), registrationNumber);
        fixtures.runJobs(application.getId());
        assertThat(fixtures.reviewTask(application.getId())).as("passed the early quota check").isNotNull();
        return application;
    }

    private ApplicationStatus status(VerificationApplication application) {
        return applications.findById(application.getId()).orElseThrow().getStatus();
    }

    @Test
    void aVersionOwenDeploysGovernsTheNextApprovalAndALoweredLimitTakesNothingAway() {
        String number = TestIdentities.unifiedSocialCreditCode();
        VerificationApplication first = inReview(number);
        VerificationApplication second = inReview(number);
        fixtures.approve(first.getId());
        assertThat(status(first)).isEqualTo(ApplicationStatus.APPROVED);

        deployAsOwen(enterpriseLimit(1));
        // the approval happens in the reviewer's request, with the reviewer's rights: the table is asked all the same
        identity.setAuthentication("alice", List.of("identity-reviewers"));
        try {
            fixtures.approve(second.getId());
        } finally {
            identity.clearAuthentication();
        }

        VerificationApplication refused = applications.findById(second.getId()).orElseThrow();
        assertThat(refused.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(refused.getReasons()).extracting(Reason::code).containsExactly("QUOTA_EXCEEDED");
        assertThat(status(first)).as("a lowered limit takes nothing away").isEqualTo(ApplicationStatus.APPROVED);
        assertThat(quotas.used(first.getIdentityKey())).isEqualTo(1);
        // the early check asks the same table: a new application is hopeless at once
        VerificationApplication third = fixtures.submitEnterprise(fixtures.account().getId(), number);
        fixtures.runJobs(third.getId());
        assertThat(applications.findById(third.getId()).orElseThrow().getReasons()).extracting(Reason::code)
                .containsExactly("QUOTA_EXCEEDED");
    }

    @Test
    void anOverrideRowForOneEnterpriseGrantsItMoreAndKeepsItsNumberOutOfTheEngine() {
        String granted = TestIdentities.unifiedSocialCreditCode();
        String other = TestIdentities.unifiedSocialCreditCode();
        JsonNode quota = owen().postJson("/api/identity-quotas/lookup",
                "{\"region\":\"CN\",\"documentType\":\"BUSINESS_LICENSE\",\"documentNumber\":\"" + granted + "\"}").json();
        assertThat(quota.get("identityType").asText()).isEqualTo("ENTERPRISE");
        assertThat(quota.get("accountsPerIdentity").asInt()).isEqualTo(5);
        String quotaKey = quota.get("quotaKey").asText();
        assertThat(quotaKey).startsWith("CN:ENTERPRISE:").doesNotContain(granted);

        deployAsOwen(IdentityQuotaTableTest.withOverride(quotaKey, 10).replace("<text>5</text>", "<text>1</text>"));

        VerificationApplication grantedFirst = inReview(granted);
        VerificationApplication grantedSecond = inReview(granted);
        fixtures.approve(grantedFirst.getId());
        fixtures.approve(grantedSecond.getId());
        assertThat(status(grantedFirst)).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(status(grantedSecond)).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(jdbc.queryForObject("select quota_limit from identity_quota where identity_key = ?", Integer.class,
                quotaKey)).isEqualTo(10);
        VerificationApplication otherFirst = inReview(other);
        fixtures.approve(otherFirst.getId());
        VerificationApplication otherSecond = fixtures.submitEnterprise(fixtures.account().getId(), other);
        fixtures.runJobs(otherSecond.getId());
        assertThat(applications.findById(otherSecond.getId()).orElseThrow().getReasons()).extracting(Reason::code)
                .as("every other enterprise has the table's limit, 1 in this version").containsExactly("QUOTA_EXCEEDED");

        assertThat(jdbc.queryForObject("select count(*) from act_hi_dec_in where text_ = ?", Integer.class, quotaKey))
                .as("the decision history shows the key").isPositive();
        for (String number : new String[] {granted, other}) {
            assertThat(jdbc.queryForObject("select count(*) from act_hi_dec_in where text_ like ? or text2_ like ?",
                    Integer.class, "%" + number + "%", "%" + number + "%")).isZero();
            assertThat(jdbc.queryForObject("select count(*) from act_ge_bytearray where position(convert_to(?, 'UTF8') in bytes_) > 0",
                    Integer.class, number)).isZero();
        }
        assertThat(owen().postJson("/api/identity-quotas/lookup", "{\"region\":\"CN\",\"documentType\":\"BUSINESS_LICENSE\","
                + "\"documentNumber\":\"" + granted + "\"}").json().get("accountsVerified").asInt()).isEqualTo(2);
    }

    @Test
    void theLookupRefusesBadInputAndOtherGroups() {
        ApiClient.Response bad = owen().postJson("/api/identity-quotas/lookup", "{\"region\":\"cn\",\"documentType\":\"X\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("region", "documentType", "documentNumber");
        assertThat(ApiClient.as(port, "console", "console").postJson("/api/identity-quotas/lookup",
                "{\"region\":\"CN\",\"documentType\":\"BUSINESS_LICENSE\",\"documentNumber\":\"12345678\"}").status())
                .isEqualTo(403);
    }
}
