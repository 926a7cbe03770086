package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.vocabulary.UserGroups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator issues an API key for the console's backend, which then calls {@code /api} with it as the
 * {@code console} client; the key is shown once and stored only as a hash; revoked, it opens nothing.
 */
@IntegrationTest
class ApiKeysIT {

    private static final String NEW_ACCOUNT =
            "{\"email\":\"holder@example.com\",\"phone\":\"+8613800138000\",\"registrationRegion\":\"CN\"}";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;

    private ApiClient admin() {
        return ApiClient.as(port, "demo", "demo");
    }

    private JsonNode issue(String name) {
        Response issued = admin().postJson("/api/api-keys", "{\"clientId\":\"console\",\"name\":\"" + name + "\"}");
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        return issued.json();
    }

    @Test
    void anIssuedKeyCallsTheApiAsItsClientAndIsKeptOnlyAsAHash() {
        JsonNode issued = issue("console-backend-test");
        String key = issued.get("key").asText();
        assertThat(key).startsWith("idv_").hasSize(4 + 43);
        assertThat(issued.get("clientId").asText()).isEqualTo("console");
        assertThat(key).startsWith(issued.get("keyPrefix").asText());

        Response opened = ApiClient.withApiKey(port, key).postJson("/api/accounts", NEW_ACCOUNT);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);

        String id = issued.get("id").asText();
        Map<String, Object> row = jdbc.queryForMap("select * from api_key where id = ?", id);
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(key.substring(4)));
        assertThat(row.get("key_hash")).isEqualTo(ApiKeys.hash(key));
        JsonNode listed = admin().get("/api/api-keys?clientId=console").json();
        JsonNode mine = find(listed, id);
        assertThat(mine.has("key")).as("the key is never shown again").isFalse();
        assertThat(mine.get("lastUsedAt").isNull()).as("the time it was last used").isFalse();
        assertThat(listed.toString()).doesNotContain(key.substring(4));
    }

    @Test
    void aRevokedKeyOpensNothing() {
        JsonNode issued = issue("to-be-rotated");
        String key = issued.get("key").asText();
        JsonNode replacement = issue("rotated-in");

        Response revoked = admin().delete("/api/api-keys/" + issued.get("id").asText());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asText()).isEqualTo("demo");

        Response refused = ApiClient.withApiKey(port, key).from("203.0.113.40").get("/api/accounts/any/verification");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(ApiClient.withApiKey(port, replacement.get("key").asText()).postJson("/api/accounts", NEW_ACCOUNT)
                .status()).as("the key rotated in works").isEqualTo(201);
        assertThat(admin().delete("/api/api-keys/" + issued.get("id").asText()).status())
                .as("revoking twice answers the same").isEqualTo(200);
        Response unknown = admin().delete("/api/api-keys/no-such-key");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("API_KEY_NOT_FOUND");
    }

    @Test
    void onlyAdministratorsManageKeysAndOnlyForApiClients() {
        Response byClient = ApiClient.as(port, "console", "console").postJson("/api/api-keys",
                "{\"clientId\":\"console\",\"name\":\"mine\"}");
        assertThat(byClient.status()).isEqualTo(403);
        assertThat(byClient.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(ApiClient.as(port, "owen", "owen").get("/api/api-keys").status()).isEqualTo(403);

        Response forReviewer = admin().postJson("/api/api-keys", "{\"clientId\":\"alice\",\"name\":\"x\"}");
        assertThat(forReviewer.status()).isEqualTo(400);
        assertThat(forReviewer.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        Response unnamed = admin().postJson("/api/api-keys", "{\"clientId\":\"console\",\"name\":\"a\\u202Eb\"}");
        assertThat(fields(unnamed)).containsExactly("name");
    }

    @Test
    void aKeyOfAClientThatLeftTheGroupOpensNothing() {
        User partner = identity.newUser("partner-backend");
        partner.setPassword("a long partner password");
        identity.saveUser(partner);
        identity.createMembership("partner-backend", UserGroups.API_CLIENTS);
        Response issued = admin().postJson("/api/api-keys", "{\"clientId\":\"partner-backend\",\"name\":\"partner\"}");
        String key = issued.json().get("key").asText();
        ApiClient partnerWithKey = ApiClient.withApiKey(port, key).from("203.0.113.41");
        assertThat(partnerWithKey.postJson("/api/accounts", NEW_ACCOUNT).status()).isEqualTo(201);
        assertThat(partnerWithKey.get("/api/api-keys").status()).as("a client's key gives no administrator's rights")
                .isEqualTo(403);

        identity.deleteMembership("partner-backend", UserGroups.API_CLIENTS);

        assertThat(partnerWithKey.postJson("/api/accounts", NEW_ACCOUNT).status()).isEqualTo(401);
        identity.deleteUser("partner-backend");
    }

    private static JsonNode find(JsonNode keys, String id) {
        for (JsonNode key : keys) {
            if (key.get("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("no key " + id + " in " + keys);
    }

    private static List<String> fields(Response response) {
        List<String> fields = new java.util.ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
