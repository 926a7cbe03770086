package com.nimbus.identity.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code identity.sms.*}: the SMS provider. Without {@code base-url} no SMS leaves the application: they are kept
 * in the table {@code sms_outbox} and logged with the phone number masked (the embedded default).
 *
 * @param baseUrl        the provider's base URL, e.g. {@code https://sms.example.com/v1}; empty: the outbox
 * @param path           the path, under the base URL, that takes {@code POST {"to","text","sender"}}
 * @param apiKey         the provider's API key, sent in the header {@code api-key-header}
 * @param apiKeyHeader   the header that carries the API key
 * @param sender         the sender name or number the provider shows (optional: omitted when empty)
 * @param connectTimeout how long to wait for a connection to the provider
 * @param readTimeout    how long to wait for the provider's answer
 */
@ConfigurationProperties("identity.sms")
public record SmsProperties(
        String baseUrl,
        @DefaultValue("/messages") String path,
        String apiKey,
        @DefaultValue("X-Api-Key") String apiKeyHeader,
        String sender,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public boolean providerConfigured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
