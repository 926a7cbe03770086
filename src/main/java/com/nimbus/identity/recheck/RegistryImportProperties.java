package com.nimbus.identity.recheck;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.recheck.import.*}: the limits of one CSV import of the database registry. A file over a limit is
 * refused whole and changes nothing; split a larger registry into several files.
 *
 * @param maxSize        the largest file (413 {@code IMPORT_TOO_LARGE} beyond)
 * @param maxRows        the most rows (lines after the header) of one file
 * @param maxFieldLength the longest field: a longer one is no registry entry but a broken file (a quote that swallowed
 *                       lines)
 */
@Validated
@ConfigurationProperties("identity.recheck.import")
public record RegistryImportProperties(@DefaultValue("32MB") @NotNull DataSize maxSize,
                                       @DefaultValue("200000") @Min(1) int maxRows,
                                       @DefaultValue("1000") @Min(500) @Max(100000) int maxFieldLength) {
}
