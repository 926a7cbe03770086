package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.ApiClients;
import com.nimbus.identity.support.PostgresTestDatabase;
import com.nimbus.identity.support.TestSmtp;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application started with the production profile (on a PostgreSQL database of its own, since production refuses
 * to start beside the seeded users the other tests create, with the secrets production requires), where webhook
 * targets must be https and public unless allowed: a loopback, private or link-local target is refused when
 * subscribing, and nothing is stored. Delivery is off on this context. Its engine has a name of its own (letters only:
 * the starter ignores a name with a hyphen) and no webapps: engines are registered by name for the whole JVM, and
 * this one, closed after the class, must not take the shared context's engine ("default", which the other tests'
 * Tasklist looks up) with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ADMIN_PASSWORD=production-admin-password",
        "IDENTITY_ENCRYPTION_KEY=ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=", "DOCUMENT_STORE=filesystem",
        "DOCUMENT_DIRECTORY=target/production-profile-documents",
        "PUBLIC_BASE_URL=https://identity.example.com",
        "WEBHOOK_ALLOWED_HOSTS=hooks.billing.internal",
        "identity.webhooks.delivery.enabled=false",
        "camunda.bpm.process-engine-name=productionProfile",
        "camunda.bpm.webapp.enabled=false"})
@ActiveProfiles({"test", "production"})
@ContextConfiguration(initializers = {PostgresTestDatabase.OwnDatabase.class, TestSmtp.Initializer.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProductionWebhookTargetsIT {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired WebhookProperties properties;

    ApiClient client;

    @BeforeEach
    void client() {
        ApiClients.ensure(identity, "icp-filing");
        client = ApiClient.as(port, "icp-filing", "icp-filing");
    }

    private Response subscribe(String url) {
        return client.postJson("/api/webhook-subscriptions", """
                {"url": "%s", "events": ["verification.changed"]}""".formatted(url));
    }

    @Test
    void theProductionProfileRefusesLoopbackPrivateAndLinkLocalTargets() {
        assertThat(properties.httpsOnly()).isTrue();
        assertThat(properties.refusePrivateAddresses()).isTrue();
        for (String url : List.of("https://127.0.0.1/hooks", "https://localhost:8443/hooks", "https://[::1]/hooks",
                "https://10.0.0.8/hooks", "https://192.168.0.20/hooks", "https://169.254.169.254/latest/meta-data")) {
            Response refused = subscribe(url);
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("url");
            assertThat(refused.json().at("/errors/0/message").asText()).as(url)
                    .contains("loopback, private or link-local");
        }
        assertThat(jdbc.queryForObject("select count(*) from webhook_subscription where client = 'icp-filing'",
                Integer.class)).isZero();
    }

    @Test
    void theProductionProfileTakesOnlyHttpsAndTheAllowedHostsAddressesAsTheyAre() {
        Response http = subscribe("http://hooks.billing.internal/identity");
        assertThat(http.status()).isEqualTo(400);
        assertThat(http.json().at("/errors/0/message").asText()).isEqualTo("must use https");

        Response allowed = subscribe("https://hooks.billing.internal/identity");
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(201);
        assertThat(client.delete("/api/webhook-subscriptions/" + allowed.json().get("id").asText()).status())
                .isEqualTo(204);
    }
}
