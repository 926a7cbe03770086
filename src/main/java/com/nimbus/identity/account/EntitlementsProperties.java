package com.nimbus.identity.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.entitlements.*} (R10).
 *
 * @param mainlandChinaRegions the cloud regions in Mainland China (e.g. {@code ap-guangzhou}), where purchases need a
 *                             verified account and ICP filings apply: a YAML list or comma-separated
 */
@Validated
@ConfigurationProperties("identity.entitlements")
public record EntitlementsProperties(@DefaultValue @NotNull List<@NotBlank String> mainlandChinaRegions) {
}
