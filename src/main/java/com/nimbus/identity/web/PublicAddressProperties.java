package com.nimbus.identity.web;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.public-base-url}: the absolute address reviewers' browsers reach this application at (the
 * Tasklist form loads the document photo from there, emails link to Tasklist under it). Empty on the embedded
 * default: {@code http://localhost} at the port the server listens on. Required in production
 * ({@code PUBLIC_BASE_URL}).
 */
@Validated
@ConfigurationProperties("identity")
public record PublicAddressProperties(
        @Pattern(regexp = "|https?://[^\\s/]+(/\\S*)?", message = "must be an absolute http(s) URL, or empty")
        String publicBaseUrl) {
}
