package com.nimbus.identity.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.api.*}: how {@code /api} meets wrong credentials.
 *
 * @param loginThrottle wrong credentials per client address
 */
@Validated
@ConfigurationProperties("identity.api")
public record ApiProperties(@DefaultValue @NotNull @Valid LoginThrottle loginThrottle) {

    /**
     * @param maxFailures  wrong credentials (HTTP Basic or API key) one client address may send within {@code period};
     *                     beyond, every request of that address that carries credentials is answered 429 until the
     *                     period is over
     * @param period       the window the failures are counted in, from the first failure
     * @param maxAddresses how many addresses the node remembers (the least recently seen are forgotten first)
     */
    public record LoginThrottle(@DefaultValue("10") @Min(1) @Max(1000) int maxFailures,
                                @DefaultValue("5m") @NotNull Duration period,
                                @DefaultValue("100000") @Min(100) int maxAddresses) {
    }
}
