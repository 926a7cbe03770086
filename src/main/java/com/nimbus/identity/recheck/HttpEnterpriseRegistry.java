package com.nimbus.identity.recheck;

import com.nimbus.identity.document.DocumentNumbers;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * An online enterprise registry over HTTP ({@code identity.recheck.registry=http}), configured by
 * {@code identity.recheck.http.*}: base URL, connect and read timeouts, HTTP Basic credentials.
 * <p>
 * The registry's contract: {@code GET {base-url}/enterprises/{region}/{registrationNumber}} answers
 * <ul>
 *   <li>200 with {@code {"registrationNumber", "name", "registeredAddress", "status": "ACTIVE"|"DISSOLVED"}};</li>
 *   <li>404 with a JSON body: the registry does not know the number.</li>
 * </ul>
 * Anything else is no answer and throws {@link RegistryUnavailableException}: a refused or timed-out
 * connection, any other status (5xx, 401, 429, ...), a 404 without a JSON body (a proxy's or web server's
 * error page, as a wrong base URL gives, must not revoke every enterprise), a body without name, address or
 * a known status, or one about another number.
 */
@Component
@ConditionalOnProperty(name = "identity.recheck.registry", havingValue = "http")
class HttpEnterpriseRegistry implements EnterpriseRegistry {

    /** The body of a 200 answer. */
    record Entry(String registrationNumber, String name, String registeredAddress, String status) {
    }

    private final RestClient client;

    /**
     * @param restClients Spring's auto-configured builder; the registry sets its own base URL, timeouts and
     *                    credentials on a copy of it
     */
    HttpEnterpriseRegistry(RecheckProperties properties, RestClient.Builder restClients) {
        RecheckProperties.Http http = properties.http();
        Objects.requireNonNull(http.baseUrl(), "identity.recheck.registry=http needs identity.recheck.http.base-url");
        // HTTP/1.1: the JDK client would otherwise try an HTTP/2 upgrade, which some registries' servers refuse
        ClientHttpRequestFactory requestFactory = ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                .build(ClientHttpRequestFactorySettings.defaults()
                        .withConnectTimeout(http.connectTimeout())
                        .withReadTimeout(http.readTimeout())
                        .withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW));
        RestClient.Builder builder = restClients.clone()
                .baseUrl(http.baseUrl().toString())
                .requestFactory(requestFactory);
        if (http.username() != null && !http.username().isBlank()) {
            builder = builder.defaultHeaders(h -> h.setBasicAuth(http.username(),
                    http.password() == null ? "" : http.password()));
        }
        this.client = builder.build();
    }

    @Override
    public RegistryAnswer lookup(String region, String normalisedRegistrationNumber) {
        String masked = region + " " + DocumentNumbers.mask(normalisedRegistrationNumber);
        try {
            return client.get()
                    .uri("/enterprises/{region}/{number}", region, normalisedRegistrationNumber)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        MediaType type = response.getHeaders().getContentType();
                        if (status.value() == 404 && isJson(type)) {
                            return RegistryAnswer.notFound();
                        }
                        if (status.value() != 200) {
                            throw new RegistryUnavailableException("the enterprise registry answered HTTP "
                                    + status.value() + (isJson(type) ? "" : " without a JSON body") + " for " + masked);
                        }
                        return answer(response.bodyTo(Entry.class), normalisedRegistrationNumber, masked);
                    });
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (RestClientException e) {
            throw new RegistryUnavailableException("the enterprise registry did not answer for " + masked + ": "
                    + rootMessage(e), e);
        }
    }

    private static RegistryAnswer answer(Entry entry, String number, String masked) {
        if (entry == null || blank(entry.name()) || blank(entry.registeredAddress()) || entry.status() == null) {
            throw new RegistryUnavailableException("the enterprise registry's answer for " + masked
                    + " lacks the name, the registered address or the status");
        }
        if (entry.registrationNumber() != null && !DocumentNumbers.normalise(entry.registrationNumber()).equals(number)) {
            throw new RegistryUnavailableException("the enterprise registry answered about another number than " + masked);
        }
        EnterpriseStatus status = Arrays.stream(EnterpriseStatus.values())
                .filter(s -> s.name().equals(entry.status().trim().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new RegistryUnavailableException("the enterprise registry gave an unknown status '"
                        + entry.status() + "' for " + masked));
        return RegistryAnswer.found(entry.name(), entry.registeredAddress(), status);
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
