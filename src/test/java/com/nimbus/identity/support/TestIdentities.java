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

    /** A passport number of ICAO 9303's character set: a letter and eight digits. */
    public static String passportNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "E" + String.format("%08d", r.nextInt(100_000_000));
    }
}
