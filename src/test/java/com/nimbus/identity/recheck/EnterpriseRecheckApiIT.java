package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The administration endpoints of the re-check, for process owners: start a re-check now (one account or a
 * sweep), import the registry; and the revocation as the console reads it.
 */
@IntegrationTest
class EnterpriseRecheckApiIT {

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired FieldCipher cipher;
    @Autowired QuotaService quotas;
    @Autowired PlatformTransactionManager transactionManager;

    EnterpriseAccounts enterprises;

    @BeforeEach
    void setUp() {
        enterprises = new EnterpriseAccounts(jdbc, cipher, quotas, transactionManager);
    }

    @Test
    void aProcessOwnerReChecksOneAccountAndTheConsoleReadsTheRevocation() {
        String number = TestIdentities.unifiedSocialCreditCode();
        String accountId = enterprises.verified("Nimbus Cloud Ltd.", "1 Jianguo Road", number);
        ResponseEntity<String> imported = owner().exchange("/api/enterprise-registry/imports",
                org.springframework.http.HttpMethod.POST, RegistryImportIT.csv("region,registration_number,name,registered_address,status\n"
                        + "CN," + number + ",Nimbus Cloud Ltd.,1 Jianguo Road,DISSOLVED\n"), String.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> started = owner().postForEntity("/api/enterprise-rechecks",
                Map.of("accountId", accountId), JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().get("scope").asText()).isEqualTo("ACCOUNT");
        String instanceId = started.getBody().get("processInstanceId").asText();
        assertThat(RecheckJobs.runDueJobs(engine, instanceId)).isEmpty();

        JsonNode verification = http.withBasicAuth("console", "console")
                .getForObject("/api/accounts/" + accountId + "/verification", JsonNode.class);
        assertThat(verification.get("status").asText()).isEqualTo("UNVERIFIED");
        assertThat(verification.get("identityType").isNull()).isTrue();
        assertThat(verification.get("revocation").get("code").asText()).isEqualTo("ENTERPRISE_DISSOLVED");
        assertThat(verification.get("revocation").get("message").asText()).contains("dissolved");
        assertThat(verification.get("revocation").get("revokedAt").isNull()).isFalse();
        JsonNode messages = http.withBasicAuth("console", "console")
                .getForObject("/api/accounts/" + accountId + "/messages", JsonNode.class);
        assertThat(messages.toString()).contains("VERIFICATION_REVOKED");
    }

    @Test
    void aProcessOwnerStartsASweepNow() {
        ResponseEntity<JsonNode> started = owner().postForEntity("/api/enterprise-rechecks", null, JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().get("scope").asText()).isEqualTo("ALL_ENTERPRISE_ACCOUNTS");
        String instanceId = started.getBody().get("processInstanceId").asText();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instanceId)
                .activityId("Activity_LoadNextPage").count()).isEqualTo(1);
        engine.getRuntimeService().deleteProcessInstance(instanceId, "only the start is tested here");
    }

    @Test
    void anAccountThatIsNotEnterpriseVerifiedOrUnknownIsRefused() {
        ResponseEntity<JsonNode> unknown = owner().postForEntity("/api/enterprise-rechecks",
                Map.of("accountId", "no-such-account"), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("ACCOUNT_NOT_FOUND");

        ResponseEntity<JsonNode> opened = http.withBasicAuth("console", "console").postForEntity("/api/accounts",
                Map.of("email", "someone@example.com", "phone", "+8613800138000", "registrationRegion", "CN"),
                JsonNode.class);
        String unverified = opened.getBody().get("accountId").asText();
        ResponseEntity<JsonNode> refused = owner().postForEntity("/api/enterprise-rechecks",
                Map.of("accountId", unverified), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("ACCOUNT_NOT_ENTERPRISE_VERIFIED");
    }

    @Test
    void onlyProcessOwnersMayStartReChecksOrImport() {
        assertThat(http.withBasicAuth("console", "console").postForEntity("/api/enterprise-rechecks", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("alice", "alice").postForEntity("/api/enterprise-rechecks", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/enterprise-rechecks", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("console", "console").exchange("/api/enterprise-registry/imports",
                org.springframework.http.HttpMethod.POST, RegistryImportIT.csv("region,registration_number,name,registered_address,status\n"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // the rest of the API stays the console's
        assertThat(owner().getForEntity("/api/accounts/x/verification", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theRegistryCanBeUploadedAsAMultipartFile() {
        String number = TestIdentities.unifiedSocialCreditCode();
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(("region,registration_number,name,registered_address,status\r\n"
                + "CN," + number + ",Nimbus Cloud Ltd.,1 Jianguo Road,ACTIVE\r\n").getBytes()) {
            @Override
            public String getFilename() {
                return "registry.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<JsonNode> report = owner().postForEntity("/api/enterprise-registry/imports",
                new HttpEntity<>(parts, headers), JsonNode.class);

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody().get("inserted").asInt()).isEqualTo(1);
        assertThat(report.getBody().get("rejectedCount").asInt()).isZero();
    }

    private TestRestTemplate owner() {
        return http.withBasicAuth("owen", "owen");
    }
}
