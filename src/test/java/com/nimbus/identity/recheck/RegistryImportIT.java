package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.TestIdentities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** CSV import of the database registry on PostgreSQL, through {@code POST /api/enterprise-registry/imports}. */
@IntegrationTest
class RegistryImportIT {

    private static final String HEADER = "region,registration_number,name,registered_address,status\n";

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    @Test
    void badRowsAreReportedWithTheirLineAndReasonAndGoodRowsAreImported() {
        String good1 = TestIdentities.unifiedSocialCreditCode();
        String good2 = TestIdentities.unifiedSocialCreditCode();
        String other = TestIdentities.unifiedSocialCreditCode();
        String csv = HEADER
                + "CN," + good1 + ",Nimbus Cloud Ltd.,\"1 Jianguo Road, Chaoyang\",ACTIVE\n"     // line 2
                + "CN," + other + ",Nimbus Edge Ltd.,8 Harbour Road\n"                           // line 3: missing column
                + "CN," + other + ",Nimbus Edge Ltd.,8 Harbour Road,SUSPENDED\n"                // line 4: unknown status
                + "CN,,Nimbus Labs Ltd.,9 Science Park Road,ACTIVE\n"                          // line 5: empty number
                + "\n"                                                                          // line 6: blank, skipped
                + "cn," + good2.toLowerCase() + ",\"Nimbus \"\"Quote\"\" Ltd.\",2 Road,dissolved\n" // line 7
                + "CN," + good1.substring(0, 9) + "-" + good1.substring(9) + ",Again Ltd.,3 Road,ACTIVE\n" // line 8: duplicate of 2
                + "XX," + other + ",Nowhere Ltd.,4 Road,ACTIVE\n";                              // line 9: unknown region

        JsonNode report = importCsv(csv);

        assertThat(report.get("rowsRead").asInt()).isEqualTo(7);
        assertThat(report.get("inserted").asInt()).isEqualTo(2);
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(5);
        assertThat(rejected(report)).containsExactly(
                Map.entry(3, "expected 5 columns, found 4"),
                Map.entry(4, "unknown status 'SUSPENDED': expected ACTIVE or DISSOLVED"),
                Map.entry(5, "registration_number is empty"),
                Map.entry(8, "duplicate of line 2 (same region and registration number)"),
                Map.entry(9, "region 'XX' is not an ISO 3166 region code"));

        assertThat(entry(good1)).containsEntry("name", "Nimbus Cloud Ltd.")
                .containsEntry("registered_address", "1 Jianguo Road, Chaoyang").containsEntry("status", "ACTIVE");
        assertThat(entry(good2)).containsEntry("name", "Nimbus \"Quote\" Ltd.").containsEntry("status", "DISSOLVED");
        assertThat(jdbc.queryForObject("select count(*) from enterprise_registry_entry where registration_number = ?",
                Integer.class, other)).isZero();
    }

    @Test
    void anImportUpdatesTheEnterprisesItAlreadyHas() {
        String number = TestIdentities.unifiedSocialCreditCode();
        importCsv(HEADER + "CN," + number + ",Nimbus Cloud Ltd.,1 Jianguo Road,ACTIVE\n");

        JsonNode report = importCsv("status,name,registered_address,registration_number,region,source\r\n"
                + "DISSOLVED,Nimbus Cloud Ltd.,1 Jianguo Road,\"" + number + "\",CN,annual report\r\n");

        assertThat(report.get("inserted").asInt()).isZero();
        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(entry(number)).containsEntry("status", "DISSOLVED");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWhole() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("owen", "owen").exchange("/api/enterprise-registry/imports",
                HttpMethod.POST, csv("region,registration_number,name,status\nCN,X,Y,ACTIVE\n"),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.getBody().toString()).contains("registered_address");
    }

    @Test
    void aFileThatIsNotCsvPartWayIsRefusedWithTheLineAndImportsNothing() {
        String good = TestIdentities.unifiedSocialCreditCode();
        ResponseEntity<JsonNode> response = http.withBasicAuth("owen", "owen").exchange("/api/enterprise-registry/imports",
                HttpMethod.POST, csv(HEADER
                        + "CN," + good + ",Nimbus Cloud Ltd.,1 Jianguo Road,ACTIVE\n"
                        + "CN," + TestIdentities.unifiedSocialCreditCode() + ",\"Nimbus Edge\" Ltd.,8 Harbour Road,ACTIVE\n"),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.getBody().get("errors").get(0).get("message").asText())
                .isEqualTo("is not valid CSV from line 3: text after the closing quote of a field");
        assertThat(jdbc.queryForObject("select count(*) from enterprise_registry_entry where registration_number = ?",
                Integer.class, good)).isZero();
    }

    @Test
    void namesWithHiddenCharactersAreRejectedRowByRow() {
        String good = TestIdentities.unifiedSocialCreditCode();
        String hidden = TestIdentities.unifiedSocialCreditCode();

        JsonNode report = importCsv(HEADER + "CN," + good + ",Nimbus Cloud Ltd.,1 Road,ACTIVE\n"
                + "CN," + hidden + ",Nimbus\u202E Cloud Ltd.,1 Road,ACTIVE\n");

        assertThat(report.get("inserted").asInt()).isEqualTo(1);
        assertThat(rejected(report)).containsExactly(Map.entry(3,
                "name must not contain control or invisible formatting characters (found U+202E)"));
    }

    @Test
    void aFieldLongerThanAnyEntryRefusesTheWholeFile() {
        String good = TestIdentities.unifiedSocialCreditCode();
        ResponseEntity<JsonNode> response = http.withBasicAuth("owen", "owen").exchange("/api/enterprise-registry/imports",
                HttpMethod.POST, csv(HEADER + "CN," + good + ",Nimbus Cloud Ltd.,1 Road,ACTIVE\n"
                        + "CN," + TestIdentities.unifiedSocialCreditCode() + ",Long Ltd.," + "x".repeat(1001) + ",ACTIVE\n"),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("message").asText())
                .isEqualTo("line 3 has a field longer than 1000 characters: is a quote not closed?");
        assertThat(jdbc.queryForObject("select count(*) from enterprise_registry_entry where registration_number = ?",
                Integer.class, good)).isZero();
    }

    @Test
    void anEmptyFileIsRefused() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("owen", "owen").exchange("/api/enterprise-registry/imports",
                HttpMethod.POST, csv(""), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private JsonNode importCsv(String csv) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("owen", "owen").exchange("/api/enterprise-registry/imports",
                HttpMethod.POST, csv(csv), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static HttpEntity<String> csv(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return new HttpEntity<>(body, headers);
    }

    private static List<Map.Entry<Integer, String>> rejected(JsonNode report) {
        List<Map.Entry<Integer, String>> rows = new ArrayList<>();
        report.get("rejected").forEach(r -> rows.add(Map.entry(r.get("line").asInt(), r.get("reason").asText())));
        return rows;
    }

    private Map<String, Object> entry(String number) {
        return jdbc.queryForMap("select name, registered_address, status from enterprise_registry_entry "
                + "where region = 'CN' and registration_number = ?", number);
    }
}
