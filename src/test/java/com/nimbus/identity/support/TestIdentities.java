package com.nimbus.identity.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid document numbers for tests, each fresh (so tests sharing a database never meet each other's quota),
 * with check characters computed here from the published algorithms, never copied from a sample.
 */
public final class TestIdentities {

    private static final int[] CN_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CN_ID_CHECK = "10X98765432";
    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private TestIdentities() {
    }

    /** A Mainland China resident ID number (GB 11643): Beijing Chaoyang, a real birth date, ISO 7064 MOD 11-2. */
    public static String cnResidentId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(365 * 50));
        String body = "110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", r.nextInt(1000));
        return body + cnResidentIdCheck(body);
    }

    /** A resident ID number of the given division (6 digits) and birth date, with a random sequence and its check character. */
    public static String cnResidentId(String division, LocalDate birth) {
        String body = division + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return body + cnResidentIdCheck(body);
    }

    /** A valid resident ID number whose check character is X (the value 10). */
    public static String cnResidentIdEndingInX() {
        String id;
        do {
            id = cnResidentId();
        } while (id.charAt(17) != 'X');
        return id;
    }

    public static char cnResidentIdCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * CN_ID_WEIGHTS[i];
        }
        return CN_ID_CHECK.charAt(sum % 11);
    }

    /** A Unified Social Credit Code (GB 32100-2015) with a valid organisation code inside (GB 11714). */
    public static String unifiedSocialCreditCode() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            org.append((char) ('0' + r.nextInt(10)));
        }
        org.append(organisationCodeCheck(org.toString()));
        String first17 = "91" + "110105" + org;
        return first17 + usccCheck(first17);
    }

    public static char organisationCodeCheck(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(first8.charAt(i), 36) * ORG_CODE_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    public static char usccCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARSET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return USCC_CHARSET.charAt(c == 31 ? 0 : c);
    }

    /** A Hong Kong identity card number without parentheses: one letter, six digits, check digit. */
    public static String hkid() {
        return hkid(String.valueOf((char) ('A' + ThreadLocalRandom.current().nextInt(26))));
    }

    /** A Hong Kong identity card number with the given one or two prefix letters, without parentheses. */
    public static String hkid(String letters) {
        String body = letters + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return body + hkidCheck(body);
    }

    /** A valid Hong Kong identity card number whose check digit is A (the value 10). */
    public static String hkidEndingInA() {
        String id;
        do {
            id = hkid();
        } while (!id.endsWith("A"));
        return id;
    }

    /** As printed on the card: {@code A123456(3)}. */
    public static String withParentheses(String hkid) {
        int n = hkid.length();
        return hkid.substring(0, n - 1) + "(" + hkid.charAt(n - 1) + ")";
    }

    /**
     * The check digit of a Hong Kong identity card body (letters and six digits): the weighted sum, weights 9
     * down to 2 over 8 positions (a missing first letter counts 36, letters A=10 .. Z=35), plus the check digit
     * (A=10) is a multiple of 11.
     */
    public static char hkidCheck(String body) {
        String eight = body.length() == 7 ? " " + body : body;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = eight.charAt(i);
            sum += (c == ' ' ? 36 : Character.isDigit(c) ? c - '0' : c - 'A' + 10) * (9 - i);
        }
        for (int check = 0; check <= 10; check++) {
            if ((sum + check) % 11 == 0) {
                return check == 10 ? 'A' : (char) ('0' + check);
            }
        }
        throw new AssertionError("unreachable");
    }

    /** A Unified Social Credit Code whose first 17 characters are {@code first17} (taken as given), with its check character. */
    public static String unifiedSocialCreditCode(String first17) {
        return first17 + usccCheck(first17);
    }

    /** A passport number of ICAO 9303's character set: a letter and eight digits. */
    public static String passportNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "E" + String.format("%08d", r.nextInt(100_000_000));
    }
}
