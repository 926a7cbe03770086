package com.nimbus.identity.document;

import java.text.Normalizer;
import java.util.Locale;

/** Normalising and masking of document and registration numbers. */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    /**
     * The canonical form a number is checked and counted in: full-width characters folded to ASCII
     * (NFKC), spaces, hyphens and other dashes, slashes, dots and parentheses removed, letters
     * upper-cased. Parentheses go because documents print them around a check digit ({@code A123456(3)}
     * on a Hong Kong identity card): the same number typed with or without them is checked and counted
     * as one.
     */
    public static String normalise(String number) {
        if (number == null) {
            return "";
        }
        String folded = Normalizer.normalize(number, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isSeparator(c))
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean isSeparator(int c) {
        return c == '-' || c == '/' || c == '.' || c == '(' || c == ')'
                || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    /** Shows only the last four characters, for logs, the API and reviewers' lists. */
    public static String mask(String number) {
        String n = normalise(number);
        if (n.length() <= 4) {
            return "*".repeat(n.length());
        }
        return "*".repeat(n.length() - 4) + n.substring(n.length() - 4);
    }
}
