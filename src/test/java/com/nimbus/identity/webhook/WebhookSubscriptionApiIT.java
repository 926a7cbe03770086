package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.ApiClients;
import com.nimbus.identity.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Webhook subscriptions through the API, as API clients manage them, on PostgreSQL. */
@IntegrationTest
class WebhookSubscriptionApiIT {

    private static final String SUBSCRIPTIONS = "/api/webhook-subscriptions";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    ApiClient console;
    ApiClient billing;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void clients() {
        ApiClients.ensure(identity, "billing");
        console = ApiClient.as(port, "console", "console");
        billing = ApiClient.as(port, "billing", "billing");
    }

    @AfterEach
    void unsubscribe() {
        created.forEach(id -> jdbc.update("delete from webhook_subscription where id = ?", id));
    }

    private Response subscribe(ApiClient client, String body) {
        Response response = client.postJson(SUBSCRIPTIONS, body);
        if (response.status() == 201) {
            created.add(response.json().get("id").asText());
        }
        return response;
    }

    private List<String> ids(Response list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void aClientSubscribesSeesItsSecretOnceAndEndsTheSubscription() {
        Response response = subscribe(console, """
                {"url": "https://console.example.com/hooks/identity",
                 "events": ["application.approved", "verification.revoked", "application.approved"]}""");

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode subscription = response.json();
        String id = subscription.get("id").asText();
        String secret = subscription.get("secret").asText();
        assertThat(subscription.get("url").asText()).isEqualTo("https://console.example.com/hooks/identity");
        assertThat(subscription.get("events")).extracting(JsonNode::asText)
                .containsExactly("application.approved", "verification.revoked");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(jdbc.queryForObject("select secret_enc from webhook_subscription where id = ?", String.class, id))
                .as("stored encrypted").doesNotContain(secret.substring(6));

        Response list = console.get(SUBSCRIPTIONS);
        assertThat(ids(list)).contains(id);
        assertThat(list.text()).doesNotContain(secret.substring(6)).doesNotContain("secret");

        assertThat(console.delete(SUBSCRIPTIONS + "/" + id).status()).isEqualTo(204);
        assertThat(ids(console.get(SUBSCRIPTIONS))).doesNotContain(id);
        Response again = console.delete(SUBSCRIPTIONS + "/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asText()).isEqualTo("WEBHOOK_SUBSCRIPTION_NOT_FOUND");
    }

    @Test
    void aClientNeitherSeesNorEndsNorRotatesAnotherClientsSubscription() {
        String id = subscribe(console, """
                {"url": "https://console.example.com/hooks", "events": ["application.submitted"]}""")
                .json().get("id").asText();

        assertThat(ids(billing.get(SUBSCRIPTIONS))).doesNotContain(id);
        Response delete = billing.delete(SUBSCRIPTIONS + "/" + id);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.contentType()).startsWith("application/problem+json");
        assertThat(billing.post(SUBSCRIPTIONS + "/" + id + "/secret-rotation").status()).isEqualTo(404);
        assertThat(ids(console.get(SUBSCRIPTIONS))).contains(id);
    }

    @Test
    void aRotationAnswersANewSecretOnceAndTheOldOneOverlapsForADay() {
        JsonNode subscription = subscribe(console, """
                {"url": "https://console.example.com/hooks", "events": ["application.submitted"]}""").json();
        String id = subscription.get("id").asText();

        Response rotated = console.post(SUBSCRIPTIONS + "/" + id + "/secret-rotation");

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("secret").asText()).startsWith("whsec_")
                .isNotEqualTo(subscription.get("secret").asText());
        assertThat(java.time.Duration.between(java.time.Instant.now(),
                java.time.Instant.parse(rotated.json().get("previousSecretExpiresAt").asText())))
                .isBetween(java.time.Duration.ofHours(23), java.time.Duration.ofHours(25));
    }

    @Test
    void aBadUrlOrUnknownEventsAreRefusedFieldByFieldAndNothingIsStored() {
        List<String> before = ids(console.get(SUBSCRIPTIONS));

        Response both = subscribe(console, """
                {"url": "ftp://console.example.com/hooks", "events": ["application.approved", "account.deleted"]}""");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(both.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("url", "events");
        assertThat(both.json().get("errors").get(1).get("message").asText()).contains("account.deleted")
                .contains("verification.revoked");

        for (String body : List.of("{\"events\": [\"application.approved\"]}",
                "{\"url\": \"https://user:pw@console.example.com/hooks\", \"events\": [\"application.approved\"]}",
                "{\"url\": \"https://console.example.com/hooks\", \"events\": []}",
                "{\"url\": \"https://console.example.com/hooks\"}")) {
            Response refused = subscribe(console, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).as(body).isEqualTo("VALIDATION_FAILED");
        }
        Response notJson = console.postJson(SUBSCRIPTIONS, "{\"url\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(ids(console.get(SUBSCRIPTIONS))).containsExactlyElementsOf(before);
    }

    @Test
    void onlyApiClientsSubscribeAndOnlyOperatorsSeeDeliveries() {
        assertThat(ApiClient.anonymous(port).get(SUBSCRIPTIONS).status()).isEqualTo(401);
        assertThat(ApiClient.as(port, "alice", "alice").get(SUBSCRIPTIONS).status()).isEqualTo(403);
        Response forbidden = console.get("/api/admin/webhook-deliveries");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asText()).isEqualTo("FORBIDDEN");
        Response operators = ApiClient.as(port, "demo", "demo").get("/api/admin/webhook-deliveries?status=FAILED");
        assertThat(operators.status()).isEqualTo(200);
        assertThat(operators.json().get("items").isArray()).isTrue();
        Response badStatus = ApiClient.as(port, "demo", "demo").get("/api/admin/webhook-deliveries?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        Response unknown = ApiClient.as(port, "demo", "demo").post("/api/admin/webhook-deliveries/nope/redelivery");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("WEBHOOK_DELIVERY_NOT_FOUND");
    }
}
