package com.nimbus.identity.notification;

import com.nimbus.identity.application.Reason;
import java.util.List;
import java.util.Locale;

/**
 * What one notification says, before it is rendered for a channel: the facts, never the wording (which comes
 * from the templates and {@code messages*.properties}).
 *
 * @param event         what happened
 * @param locale        the recipient's language
 * @param applicationId the application it concerns, or null
 * @param reasons       the reasons of a rejection or revocation (code and the product's own message), or empty
 * @param comment       the reviewer's comment shown to the recipient, or null
 * @param actionUrl     a link for the recipient (the console's message center, or Tasklist), or null
 */
public record NotificationContent(NotificationEvent event, Locale locale, String applicationId, List<Reason> reasons,
                                  String comment, String actionUrl) {

    public NotificationContent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        actionUrl = actionUrl == null || actionUrl.isBlank() ? null : actionUrl.strip();
    }

    /** The locale of an account's language ({@code en} or {@code zh-CN}); anything else is English. */
    public static Locale localeOf(String language) {
        if (language == null || language.isBlank()) {
            return Locale.ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(language.strip());
        return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    }
}
