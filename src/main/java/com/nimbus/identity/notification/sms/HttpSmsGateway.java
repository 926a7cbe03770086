package com.nimbus.identity.notification.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.http.HttpClient;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends SMS through an HTTP provider: {@code POST <base-url><path>} with the JSON body
 * {@code {"to":"+8613800138000","text":"...","sender":"..."}} and the API key in a header. Anything but a
 * 2xx answer within the timeouts is an {@link SmsGatewayException}. Each request carries the header
 * {@code Idempotency-Key}, the same for every attempt at the same SMS.
 */
public class HttpSmsGateway implements SmsGateway {

    /** The request body the provider receives. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SmsRequest(String to, String text, String sender) {
    }

    /** The header naming one SMS, the same for each attempt at it, so that the provider sends it once. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient client;
    private final SmsProperties properties;

    /**
     * @param restClients Spring's auto-configured builder (the application's JSON mapping and customizers); this
     *                    gateway sets its own base URL, timeouts and API key on a copy of it
     */
    public HttpSmsGateway(SmsProperties properties, RestClient.Builder restClients) {
        if (!properties.providerConfigured()) {
            throw new IllegalArgumentException("identity.sms.base-url is needed for the HTTP SMS gateway");
        }
        this.properties = properties;
        // HTTP/1.1: the JDK client would otherwise try an HTTP/2 upgrade, which some providers' servers refuse
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
                .build(ClientHttpRequestFactorySettings.defaults()
                        .withConnectTimeout(properties.connectTimeout())
                        .withReadTimeout(properties.readTimeout())
                        .withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW));
        RestClient.Builder builder = restClients.clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(requests);
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.defaultHeader(properties.apiKeyHeader(), properties.apiKey());
        }
        this.client = builder.build();
    }

    @Override
    public void send(String phone, String text, String idempotencyKey) {
        try {
            client.post()
                    .uri(properties.path())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, idempotencyKey)
                    .body(new SmsRequest(phone, text, properties.sender()))
                    .retrieve()
                    .onStatus(status -> !status.is2xxSuccessful(), (request, response) -> {
                        throw new SmsGatewayException("The SMS provider answered " + response.getStatusCode().value()
                                + " to " + request.getMethod() + " " + request.getURI());
                    })
                    .toBodilessEntity();
        } catch (RestClientException e) {
            throw new SmsGatewayException("The SMS provider at " + properties.baseUrl() + " did not answer: "
                    + e.getMessage(), e);
        }
    }
}
