package com.nimbus.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.document.store.DocumentStore;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.TestPdfs;
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
    @Autowired DocumentStore store;

    ApiClient console;
    String accountId;
    List<String> objectsBefore;

    private List<String> objects() {
        List<String> keys = new ArrayList<>();
        store.list("", o -> keys.add(o.key()));
        return keys;
    }

    @BeforeEach
    void setUp() {
        objectsBefore = objects();
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
        assertThat(jdbc.queryForObject("select count(*) from document_page where account_id = ?", Integer.class,
                accountId)).isZero();
        assertThat(objects()).as("no object written to the document store").isEqualTo(objectsBefore);
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
    void aFileThatIsNotAJpegPngOrPdfIsRefusedByItsBytes() {
        String json = Fixtures.individualJson(TestIdentities.cnResidentId());
        byte[] gif = "GIF89a......".getBytes();
        assertProblem(console.submit(accountId, json, gif, "photo.jpg"), 415, "DOCUMENT_TYPE_UNSUPPORTED");
        Response secondPart = console.submitParts(accountId, json, List.of(TestImages.documentPng(), gif));
        assertProblem(secondPart, 415, "DOCUMENT_TYPE_UNSUPPORTED");
        assertThat(secondPart.json().get("detail").asText()).isEqualTo("Document part 2 is not a JPEG, PNG or PDF file.");
        byte[] notAPdf = "%PDF-1.4 not a PDF at all".getBytes();
        assertProblem(console.submit(accountId, json, notAPdf, "scan.pdf"), 415, "DOCUMENT_TYPE_UNSUPPORTED");
        assertNothingStored();
    }

    @Test
    void anEncryptedPdfOrOneWithScriptsIsRefused() {
        String json = Fixtures.individualJson(TestIdentities.cnResidentId());
        Response encrypted = console.submit(accountId, json, TestPdfs.encrypted(), "scan.pdf");
        assertProblem(encrypted, 415, "DOCUMENT_TYPE_UNSUPPORTED");
        assertThat(encrypted.json().get("detail").asText()).contains("encrypted PDF");
        assertProblem(console.submit(accountId, json, TestPdfs.passwordProtected(), "scan.pdf"), 415,
                "DOCUMENT_TYPE_UNSUPPORTED");
        Response script = console.submitParts(accountId, json, List.of(TestImages.documentPng(), TestPdfs.withOpenActionScript()));
        assertProblem(script, 415, "DOCUMENT_TYPE_UNSUPPORTED");
        assertThat(script.json().get("detail").asText()).startsWith("Document part 2 is a PDF with scripts");
        assertNothingStored();
    }

    @Test
    void aPdfBombIsRefusedAsTooLargeBeforeAnythingRendersIt() {
        String json = Fixtures.individualJson(TestIdentities.cnResidentId());
        assertProblem(console.submit(accountId, json, TestPdfs.giantImage(), "scan.pdf"), 413, "DOCUMENT_TOO_LARGE");
        assertProblem(console.submit(accountId, json, TestPdfs.giantPage(), "scan.pdf"), 413, "DOCUMENT_TOO_LARGE");
        Response bomb = console.submit(accountId, json, TestPdfs.decompressionBomb(300), "scan.pdf");
        assertProblem(bomb, 413, "DOCUMENT_TOO_LARGE");
        assertThat(bomb.json().get("detail").asText()).isEqualTo(
                "Document part 1 is a PDF whose content decompresses to more than 256 MiB.");
        assertNothingStored();
    }

    @Test
    void noDocumentMoreThanFourPartsOrMoreThanFourPagesIsRefused() {
        String json = Fixtures.individualJson(TestIdentities.cnResidentId());
        byte[] png = TestImages.documentPng();
        Response fiveParts = console.submitParts(accountId, json, List.of(png, png, png, png, png));
        assertProblem(fiveParts, 400, "VALIDATION_FAILED");
        assertThat(badFields(fiveParts)).containsExactly("document");
        Response fivePages = console.submitParts(accountId, json, List.of(png, TestPdfs.scanOfPages(4)));
        assertProblem(fivePages, 400, "VALIDATION_FAILED");
        assertThat(fivePages.json().at("/errors/0/message").asText())
                .isEqualTo("At most 4 pages may be sent in all; part 2, a PDF of 4 pages, goes beyond.");
        assertProblem(console.submitParts(accountId, json, List.of(TestPdfs.noPages())), 400, "VALIDATION_FAILED");
        assertThat(badFields(console.submitParts(accountId, json, List.of()))).containsExactly("document");
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
        Response thirdPart = console.submitParts(accountId, Fixtures.individualJson(TestIdentities.cnResidentId()),
                List.of(TestImages.documentPng(), TestImages.documentJpeg(), justOver));
        assertProblem(thirdPart, 413, "DOCUMENT_TOO_LARGE");
        assertThat(thirdPart.json().get("detail").asText()).isEqualTo("Document part 3 is larger than 10 MiB.");
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
        assertThat(objects()).as("the refused second application wrote no object").hasSize(objectsBefore.size() + 1);
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
