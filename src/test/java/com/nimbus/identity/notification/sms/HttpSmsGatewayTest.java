package com.nimbus.identity.notification.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The HTTP SMS adapter against a local stub of the provider (WireMock), without Spring. */
class HttpSmsGatewayTest {

    private WireMockServer provider;

    @BeforeEach
    void startProvider() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    private HttpSmsGateway gateway(String apiKeyHeader, String sender, Duration readTimeout) {
        return new HttpSmsGateway(new SmsProperties(provider.baseUrl() + "/v1", "/messages", "test-key-123",
                apiKeyHeader, sender, Duration.ofSeconds(2), readTimeout), RestClient.builder());
    }

    @Test
    void postsTheSmsAsJsonWithTheApiKeyHeader() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"m-1\",\"status\":\"queued\"}")));

        gateway("X-Api-Key", "NimbusCloud", Duration.ofSeconds(2))
                .send("+8613800138000", "【Nimbus Cloud】您的实名认证已通过，账号已完成实名认证。");

        provider.verify(1, postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("X-Api-Key", equalTo("test-key-123"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"to": "+8613800138000",
                         "text": "【Nimbus Cloud】您的实名认证已通过，账号已完成实名认证。",
                         "sender": "NimbusCloud"}""")));
    }

    @Test
    void usesTheConfiguredHeaderAndLeavesOutAnEmptySender() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)));

        gateway("Authorization-Token", "", Duration.ofSeconds(2)).send("+6591234567", "[Nimbus Cloud] Approved.");

        List<LoggedRequest> requests = provider.findAll(postRequestedFor(urlEqualTo("/v1/messages")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization-Token")).isEqualTo("test-key-123");
        assertThat(requests.get(0).containsHeader("X-Api-Key")).isFalse();
        provider.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(equalToJson("{\"to\":\"+6591234567\",\"text\":\"[Nimbus Cloud] Approved.\"}")));
    }

    @Test
    void aServerErrorThrows() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(500).withBody("internal error")));

        assertThatThrownBy(() -> gateway("X-Api-Key", null, Duration.ofSeconds(2)).send("+8613800138000", "text"))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("500")
                .hasMessageNotContaining("+8613800138000");
    }

    @Test
    void aRefusalThrows() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> gateway("X-Api-Key", null, Duration.ofSeconds(2)).send("+8613800138000", "text"))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("401");
    }

    @Test
    void aRedirectIsNotASuccess() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));

        assertThatThrownBy(() -> gateway("X-Api-Key", null, Duration.ofSeconds(2)).send("+8613800138000", "text"))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("302");
    }

    @Test
    void anAnswerLaterThanTheReadTimeoutThrows() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));

        assertThatThrownBy(() -> gateway("X-Api-Key", null, Duration.ofMillis(300)).send("+8613800138000", "text"))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void aDroppedConnectionThrows() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> gateway("X-Api-Key", null, Duration.ofSeconds(2)).send("+8613800138000", "text"))
                .isInstanceOf(SmsGatewayException.class);
    }

    @Test
    void aProviderThatIsDownThrows() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSmsGateway down = new HttpSmsGateway(new SmsProperties("http://127.0.0.1:" + closedPort, "/messages",
                "k", "X-Api-Key", null, Duration.ofSeconds(1), Duration.ofSeconds(1)), RestClient.builder());

        assertThatThrownBy(() -> down.send("+8613800138000", "text"))
                .isInstanceOf(SmsGatewayException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void eachAttemptAtTheSameSmsCarriesTheSameIdempotencyKey() {
        provider.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(202)));
        HttpSmsGateway gateway = gateway("X-Api-Key", "", Duration.ofSeconds(2));

        gateway.send("+6591234567", "[Nimbus Cloud] Approved.", "3f1c6c1e-0000-3000-8000-000000000001");
        gateway.send("+6591234567", "[Nimbus Cloud] Approved.", "3f1c6c1e-0000-3000-8000-000000000001");

        provider.verify(2, postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("Idempotency-Key", equalTo("3f1c6c1e-0000-3000-8000-000000000001")));
    }
}
