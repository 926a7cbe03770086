package com.nimbus.identity.review;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts of {@code review/desk*.properties} in one of the desk's two languages, English and Simplified Chinese. */
enum DeskTexts {
    EN(Locale.ENGLISH), ZH(Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;
    private final ResourceBundle bundle;

    DeskTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("review/desk", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
