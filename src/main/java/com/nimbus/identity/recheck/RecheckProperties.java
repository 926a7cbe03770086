package com.nimbus.identity.recheck;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.recheck.*}: the periodic enterprise re-check (R9).
 *
 * @param schedule  when the model's timer start event fires: a Camunda cron expression
 *                  (seconds minutes hours day-of-month month day-of-week), in the server's time zone
 * @param pageSize  how many enterprise-verified accounts one job of the sweep re-checks, in one transaction
 * @param registry  which registry is asked: {@code database} or {@code http}
 * @param http      the online registry, when {@code registry} is {@code http}
 */
@Validated
@ConfigurationProperties("identity.recheck")
public record RecheckProperties(
        @DefaultValue("0 0 2 * * ?") @NotBlank String schedule,
        @DefaultValue("250") @Min(1) @Max(1000) int pageSize,
        @DefaultValue("database") @NotNull @Pattern(regexp = "database|http", message = "must be database or http")
        String registry,
        @DefaultValue @NotNull @Valid Http http) {

    /** The online registry needs its address. */
    @AssertTrue(message = "identity.recheck.registry=http needs identity.recheck.http.base-url (ENTERPRISE_REGISTRY_URL)")
    boolean isHttpRegistryAddressed() {
        return !"http".equals(registry) || (http != null && http.baseUrl() != null && !http.baseUrl().toString().isBlank());
    }

    /**
     * @param baseUrl        e.g. {@code https://registry.example.com/api}
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout    how long to wait for an answer
     * @param username       HTTP Basic user; no authentication when blank
     * @param password       HTTP Basic password
     */
    public record Http(URI baseUrl,
                       @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
                       @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration readTimeout,
                       String username,
                       String password) {
    }
}
