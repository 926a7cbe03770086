package com.nimbus.identity.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.notifications.*}: where the texts and templates come from, and who emails are from.
 *
 * @param templateDir         optional directory searched before the product's own templates and texts
 *                            ({@code classpath:notifications/}): a template file there replaces the product's file of
 *                            the same name; a key in a {@code messages*.properties} there replaces the product's key
 *                            for that language
 * @param templateCacheTtl    how long a template or text is used before its file is read again (0: read every time)
 * @param mailFrom            the From address of every email, e.g. {@code "Nimbus Cloud <no-reply@example.com>"}
 * @param consoleUrl          the console's message center, linked from emails to account holders (optional)
 * @param tasklistUrl         Tasklist, linked from emails to supervisors; empty: Tasklist under
 *                            {@code identity.public-base-url}
 * @param supervisorLanguage  the language of emails to supervisors: {@code en} or {@code zh-CN}
 */
@Validated
@ConfigurationProperties("identity.notifications")
public record NotificationProperties(
        String templateDir,
        @DefaultValue("60s") @NotNull Duration templateCacheTtl,
        @DefaultValue("Nimbus Cloud <no-reply@localhost>") @NotBlank String mailFrom,
        @Pattern(regexp = ABSOLUTE_URL_OR_EMPTY, message = "must be an absolute http(s) URL, or empty") String consoleUrl,
        @Pattern(regexp = ABSOLUTE_URL_OR_EMPTY, message = "must be an absolute http(s) URL, or empty") String tasklistUrl,
        @DefaultValue("en") @Pattern(regexp = "en|zh-CN", message = "must be en or zh-CN") String supervisorLanguage) {

    static final String ABSOLUTE_URL_OR_EMPTY = "|https?://\\S+";

    /** Defaults only: the product's own templates, no links. */
    public static NotificationProperties defaults() {
        return new NotificationProperties(null, Duration.ofSeconds(60), "Nimbus Cloud <no-reply@localhost>", null, null, "en");
    }

    public NotificationProperties withTemplateDir(String dir) {
        return new NotificationProperties(dir, templateCacheTtl, mailFrom, consoleUrl, tasklistUrl, supervisorLanguage);
    }
}
