package com.nimbus.identity.vocabulary;

import java.util.Optional;

/**
 * What a name or an address may contain: printable text only. Refused are control characters (line breaks, tabs,
 * NUL), Unicode format characters (bidirectional overrides such as U+202E, zero-width spaces and joiners, the byte
 * order mark), line and paragraph separators, private-use, unassigned and lone surrogate code points. Such
 * characters make a name look different from what it is, to a reviewer, in a log or in a comparison, and no
 * document prints them.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code text} is not plain text ("contains U+202E ..."), or empty when it is. Null is plain. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        java.util.OptionalInt hidden = text.codePoints().filter(PlainText::hidden).findFirst();
        return hidden.isEmpty() ? Optional.empty()
                : Optional.of("must not contain control or invisible formatting characters (found "
                        + String.format("U+%04X", hidden.getAsInt()) + ")");
    }

    private static boolean hidden(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE -> true;
            default -> false;
        };
    }
}
