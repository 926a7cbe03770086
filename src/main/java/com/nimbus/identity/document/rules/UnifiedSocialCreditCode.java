package com.nimbus.identity.document.rules;

import java.util.Optional;

/**
 * The Unified Social Credit Code of a Mainland China organisation (GB 32100-2015), the registration number
 * on a business license: 18 characters of the 31-character set {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S,
 * V, Z). Position 1 is the registration authority, 2 the organisation type, 3-8 the administrative division,
 * 9-17 the organisation code of GB 11714 (8 characters and its own check character), 18 the check
 * character over the first 17, by weights {@code 3^i mod 31}.
 */
public final class UnifiedSocialCreditCode implements NumberFormat {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    @Override
    public String name() {
        return "Unified Social Credit Code (GB 32100)";
    }

    @Override
    public Optional<String> problem(String number) {
        if (number == null || number.length() != 18) {
            return Optional.of("not 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(number.charAt(i)) < 0) {
                return Optional.of("a character outside the code's character set (0-9 and A-Y without I, O, S, V, Z)");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(number.charAt(i))) {
                return Optional.of("an administrative division code that is not 6 digits");
            }
        }
        if (checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
            return Optional.of("the check character does not match (GB 32100)");
        }
        if (organisationCodeCheck(number.substring(8, 16)) != number.charAt(16)) {
            return Optional.of("the embedded organisation code's check character does not match (GB 11714)");
        }
        return Optional.empty();
    }

    /** The check character of the first 17 characters of a code (GB 32100-2015). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** The check character of an 8-character organisation code body (GB 11714-1997): 0-9 or X. */
    public static char organisationCodeCheck(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(first8.charAt(i), 36) * ORGANISATION_CODE_WEIGHTS[i];
        }
        int c = (11 - sum % 11) % 11;
        return c == 10 ? 'X' : (char) ('0' + c);
    }

    @Override
    public String toString() {
        return name();
    }
}
