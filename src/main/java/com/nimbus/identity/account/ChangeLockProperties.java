package com.nimbus.identity.account;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.change-lock.*} (R7).
 *
 * @param duration how long after a successful verification every change but individual to enterprise is refused
 *                 (ISO 8601, e.g. {@code P30D}); the models' default for the input parameter {@code lockDuration}
 */
@Validated
@ConfigurationProperties("identity.change-lock")
public record ChangeLockProperties(@DefaultValue("P30D") @NotNull @DurationMin(seconds = 1) Duration duration) {
}
