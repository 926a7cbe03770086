package com.nimbus.identity.notification.sms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("identity.sms")
public record SmsProperties(
        @Pattern(regexp = "|https?://\\S+", message = "must be an absolute http(s) URL, or empty") String baseUrl,
        @DefaultValue("/messages") @NotNull @Pattern(regexp = "/\\S*", message = "must start with /") String path,
        String apiKey,
        @DefaultValue("X-Api-Key") @NotBlank String apiKeyHeader,
        String sender,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration readTimeout) {

    public boolean providerConfigured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
