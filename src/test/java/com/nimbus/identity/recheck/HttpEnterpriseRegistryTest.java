package com.nimbus.identity.recheck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The HTTP adapter against a local stub of the online registry. */
class HttpEnterpriseRegistryTest {

    private static final String NUMBER = "91110105MA01ABCD2X";
    private static final String PATH = "/registry/v1/enterprises/CN/" + NUMBER;

    private static WireMockServer stub;
    private HttpEnterpriseRegistry registry;

    @BeforeAll
    static void startStub() {
        stub = new WireMockServer(wireMockConfig().dynamicPort());
        stub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.stop();
    }

    @BeforeEach
    void setUp() {
        stub.resetAll();
        registry = registry(URI.create(stub.baseUrl() + "/registry/v1"), Duration.ofMillis(1_500));
    }

    @Test
    void anEnterpriseTheRegistryKnows() {
        stub.stubFor(get(PATH).willReturn(okJson("""
                {"registrationNumber": "%s", "name": "Nimbus Cloud Ltd.", "registeredAddress": "1 Jianguo Road",
                 "status": "DISSOLVED", "dissolvedOn": "2024-05-01"}""".formatted(NUMBER))));

        assertThat(registry.lookup("CN", NUMBER))
                .isEqualTo(RegistryAnswer.found("Nimbus Cloud Ltd.", "1 Jianguo Road", EnterpriseStatus.DISSOLVED));
        stub.verify(getRequestedFor(urlEqualTo(PATH))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("nimbus", "s3cret"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aNumberTheRegistryDoesNotKnow() {
        stub.stubFor(get(PATH).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\": \"Not Found\"}")));

        assertThat(registry.lookup("CN", NUMBER)).isEqualTo(RegistryAnswer.notFound());
    }

    @Test
    void severalNumbersAreAskedOneByOne() {
        stub.stubFor(get(PATH).willReturn(okJson(
                "{\"name\": \"Nimbus Cloud Ltd.\", \"registeredAddress\": \"1 Jianguo Road\", \"status\": \"ACTIVE\"}")));
        stub.stubFor(get("/registry/v1/enterprises/CN/91110105MA01ABCD3Y").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        Map<String, RegistryAnswer> answers = registry.lookupAll("CN", List.of(NUMBER, "91110105MA01ABCD3Y"));

        assertThat(answers).containsEntry(NUMBER,
                RegistryAnswer.found("Nimbus Cloud Ltd.", "1 Jianguo Road", EnterpriseStatus.ACTIVE));
        assertThat(answers).containsEntry("91110105MA01ABCD3Y", RegistryAnswer.notFound());
    }

    @Test
    void aServerErrorIsNoAnswer() {
        stub.stubFor(get(PATH).willReturn(aResponse().withStatus(500).withBody("boom")));

        assertThatThrownBy(() -> registry.lookup("CN", NUMBER))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("HTTP 500")
                .hasMessageNotContaining(NUMBER);
    }

    @Test
    void aRedirectIsNotFollowedAndIsNoAnswer() {
        // a registry that moved, or a login page in front of it: an operator must see it, not a guess
        stub.stubFor(get(PATH).willReturn(aResponse().withStatus(302).withHeader("Location", "/login")));
        stub.stubFor(get("/login").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        assertThatThrownBy(() -> registry.lookup("CN", NUMBER))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("HTTP 302");
    }

    @Test
    void aNotFoundPageThatIsNotTheRegistrysAnswerIsNoAnswer() {
        // what a wrong base URL gives: a web server's HTML error page, which must not revoke anybody
        stub.stubFor(get(PATH).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<h1>Not Found</h1>")));

        assertThatThrownBy(() -> registry.lookup("CN", NUMBER))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("HTTP 404 without a JSON body");
    }

    @Test
    void aRegistryThatDoesNotAnswerInTimeIsNoAnswer() {
        stub.stubFor(get(PATH).willReturn(okJson(
                "{\"name\": \"N\", \"registeredAddress\": \"A\", \"status\": \"ACTIVE\"}").withFixedDelay(4_000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> registry.lookup("CN", NUMBER))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
    }

    @Test
    void aRegistryThatIsDownIsNoAnswer() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        HttpEnterpriseRegistry down = registry(URI.create("http://127.0.0.1:" + deadPort), Duration.ofMillis(500));

        assertThatThrownBy(() -> down.lookup("CN", NUMBER))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("did not answer");
    }

    @Test
    void anAnswerThatIsNotAnAnswerIsNoAnswer() {
        stub.stubFor(get(PATH).willReturn(okJson("{\"name\": \"Nimbus Cloud Ltd.\", \"status\": \"ACTIVE\"}")));
        assertThatThrownBy(() -> registry.lookup("CN", NUMBER)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("lacks");

        stub.stubFor(get(PATH).willReturn(okJson(
                "{\"name\": \"N\", \"registeredAddress\": \"A\", \"status\": \"SUSPENDED\"}")));
        assertThatThrownBy(() -> registry.lookup("CN", NUMBER)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("unknown status");

        stub.stubFor(get(PATH).willReturn(okJson(
                "{\"registrationNumber\": \"91110105MA01ZZZZ9X\", \"name\": \"N\", \"registeredAddress\": \"A\", \"status\": \"ACTIVE\"}")));
        assertThatThrownBy(() -> registry.lookup("CN", NUMBER)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("another number");

        stub.stubFor(get(PATH).willReturn(okJson("this is not json")));
        assertThatThrownBy(() -> registry.lookup("CN", NUMBER)).isInstanceOf(RegistryUnavailableException.class);
    }

    private static HttpEnterpriseRegistry registry(URI baseUrl, Duration readTimeout) {
        RecheckProperties properties = new RecheckProperties("0 0 2 * * ?", 250, "http",
                new RecheckProperties.Http(baseUrl, Duration.ofMillis(500), readTimeout, "nimbus", "s3cret"));
        return new HttpEnterpriseRegistry(properties, RestClient.builder());
    }
}
