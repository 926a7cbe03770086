package com.nimbus.identity.vocabulary;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way names and addresses are compared, wherever the product compares them (the re-check against the
 * enterprise registry, the ICP filing entity against the verified name): two spellings of the same name are the
 * same name. The comparable form is NFKC (full-width letters, digits and brackets folded to their plain forms),
 * case-folded, with every whitespace, punctuation and control character removed: "Nimbus Cloud Co., Ltd." and
 * "NIMBUS CLOUD CO LTD" are one name, so are "（北京）" and "(北京)". Document and registration numbers have a
 * canonical form of their own ({@code DocumentNumbers}), where a stray character is an error, not a spelling.
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    /** The form names and addresses are compared in; "" for null. */
    public static String comparable(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isPunctuation(c)
                        && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Whether two names (or two addresses) are the same; a text with nothing comparable in it matches nothing. */
    public static boolean same(String a, String b) {
        String left = comparable(a);
        return !left.isEmpty() && left.equals(comparable(b));
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
