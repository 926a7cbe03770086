package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each kind of bad input gets its error code and stores nothing. */
@IntegrationTest
class BadInputIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    ApiClient console;
    String accountId;

    @BeforeEach
    void setUp() {
        console = ApiClient.as(port, "console", "console");
        accountId = console.postJson("/api/accounts",
                "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}")
                .json().get("accountId").asText();
    }

    private void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    private List<String> badFields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("select count(*) from verification_application where account_id = ?", Integer.class,
                accountId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from document_photo p join verification_application a "
                + "on a.id = p.application_id where a.account_id = ?", Integer.class, accountId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution e join verification_application a "
                + "on a.id = e.business_key_ where a.account_id = ?", Integer.class, accountId)).isZero();
    }

    @Test
    void missingFieldsAreEachReported() {
        Response response = console.submit(accountId, "{\"identityType\":\"INDIVIDUAL\",\"fullName\":\" \"}",
                TestImages.documentPng(), "id.png");
        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(badFields(response)).containsExactlyInAnyOrder("fullName", "address", "documentType", "documentNumber");
        Response enterprise = console.submit(accountId, "{\"identityType\":\"ENTERPRISE\",\"enterpriseName\":\"X Ltd\"}",
                TestImages.documentPng(), "id.png");
        assertThat(badFields(enterprise)).containsExactlyInAnyOrder("registeredAddress", "registrationNumber");
        assertNothingStored();
    }

    @Test
    void malformedInputIsRefused() {
        assertProblem(console.submit(accountId, "{not json", TestImages.documentPng(), "id.png"), 400, "VALIDATION_FAILED");
        assertThat(badFields(console.submit(accountId, "{\"identityType\":\"ROBOT\"}", TestImages.documentPng(), "id.png")))
                .containsExactly("identityType");
        String badNumber = Fixtures.individualJson("12#45!");
        assertThat(badFields(console.submit(accountId, badNumber, TestImages.documentPng(), "id.png")))
                .containsExactly("documentNumber");
        String longName = "{\"identityType\":\"INDIVIDUAL\",\"fullName\":\"" + "A".repeat(201) + "\",\"address\":\"x\","
                + "\"documentType\":\"PASSPORT\",\"documentNumber\":\"E12345678\"}";
        assertThat(badFields(console.submit(accountId, longName, TestImages.documentPng(), "id.png"))).containsExactly("fullName");
        Response noDocument = console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()), null, null);
        assertProblem(noDocument, 400, "VALIDATION_FAILED");
        assertThat(badFields(noDocument)).containsExactly("document");
        assertNothingStored();
    }

    @Test
    void namesAndAddressesWithHiddenCharactersAreRefused() {
        String reversed = "{\"identityType\":\"INDIVIDUAL\",\"fullName\":\"Wang\u202Egnimoaix\",\"address\":\"1 Jianguo\u200B Road\","
                + "\"documentType\":\"PASSPORT\",\"documentNumber\":\"E12345678\"}";
        Response response = console.submit(accountId, reversed, TestImages.documentPng(), "id.png");
        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(badFields(response)).containsExactlyInAnyOrder("fullName", "address");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("U+202E");
        String enterprise = "{\"identityType\":\"ENTERPRISE\",\"enterpriseName\":\"\uFEFFNimbus Ltd\","
                + "\"registeredAddress\":\"8\\nRoad\",\"registrationNumber\":\"" + TestIdentities.unifiedSocialCreditCode() + "\"}";
        assertThat(badFields(console.submit(accountId, enterprise, TestImages.documentPng(), "id.png")))
                .containsExactlyInAnyOrder("enterpriseName", "registeredAddress");
        assertNothingStored();
    }

    @Test
    void anUnknownDocumentTypeIsRefused() {
        String json = "{\"identityType\":\"INDIVIDUAL\",\"fullName\":\"Wang\",\"address\":\"Beijing\","
                + "\"documentType\":\"LIBRARY_CARD\",\"documentNumber\":\"12345678\"}";
        Response response = console.submit(accountId, json, TestImages.documentPng(), "id.png");
        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(badFields(response)).containsExactly("documentType");
        String licenseForPerson = json.replace("LIBRARY_CARD", "BUSINESS_LICENSE");
        assertThat(badFields(console.submit(accountId, licenseForPerson, TestImages.documentPng(), "id.png")))
                .containsExactly("documentType");
        assertNothingStored();
    }

    @Test
    void aFileThatIsNotAJpegOrPngIsRefusedByItsBytes() {
        byte[] pdf = "%PDF-1.4 not an image".getBytes();
        assertProblem(console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()), pdf, "photo.png"),
                415, "DOCUMENT_TYPE_UNSUPPORTED");
        byte[] gif = "GIF89a......".getBytes();
        assertProblem(console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()), gif, "photo.jpg"),
                415, "DOCUMENT_TYPE_UNSUPPORTED");
        assertNothingStored();
    }

    @Test
    void aFileOverTenMebibytesIsRefused() {
        byte[] justOver = Arrays.copyOf(TestImages.documentPng(), 10 * 1024 * 1024 + 1);
        assertProblem(console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()), justOver, "big.png"),
                413, "DOCUMENT_TOO_LARGE");
        byte[] farOver = Arrays.copyOf(TestImages.documentPng(), 13 * 1024 * 1024);
        assertProblem(console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()), farOver, "big.png"),
                413, "DOCUMENT_TOO_LARGE");
        assertNothingStored();
    }

    @Test
    void aSecondApplicationWhileOneIsPendingIsRefused() {
        Response first = console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), "id.png");
        assertThat(first.status()).isEqualTo(202);
        Response second = console.submit(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), "id.png");
        assertProblem(second, 409, "APPLICATION_PENDING");
        assertThat(second.json().get("pendingApplicationId").asText()).isEqualTo(first.json().get("applicationId").asText());
        assertThat(jdbc.queryForObject("select count(*) from verification_application where account_id = ?", Integer.class,
                accountId)).isEqualTo(1);
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertProblem(console.get("/api/accounts/no-such-account/verification"), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(console.submit("no-such-account", Fixtures.individualJson(TestIdentities.cnResidentId()),
                TestImages.documentPng(), "id.png"), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(console.get("/api/accounts/no-such-account/messages"), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(console.get("/api/accounts/no-such-account/entitlements?region=ap-guangzhou"), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(console.get("/api/accounts/" + accountId + "/entitlements"), 400, "VALIDATION_FAILED");
        assertProblem(console.get("/api/accounts/" + accountId + "/verification-applications/nope"), 404, "APPLICATION_NOT_FOUND");
        assertThat(jdbc.queryForObject("select count(*) from verification_application where account_id = 'no-such-account'",
                Integer.class)).isZero();
    }

    @Test
    void aBadAccountIsRefused() {
        Response response = console.postJson("/api/accounts",
                "{\"email\":\"not-an-email\",\"phone\":\"call me\",\"registrationRegion\":\"XX\",\"language\":\"fr\"}");
        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(badFields(response)).containsExactlyInAnyOrder("email", "phone", "registrationRegion", "language");
        JsonNode empty = console.postJson("/api/accounts", "{}").json();
        assertThat(empty.get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }
}
