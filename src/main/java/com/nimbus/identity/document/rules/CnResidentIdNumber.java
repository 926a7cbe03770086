package com.nimbus.identity.document.rules;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The citizen identity number of Mainland China (GB 11643-1999), printed on the resident identity card and
 * repeated as the number of a driving licence: 6 digits of administrative division, 8 digits of birth
 * date ({@code yyyyMMdd}), 3 digits of sequence and a check character over the first 17 by ISO 7064
 * MOD 11-2 ({@code 0-9} or {@code X} for 10).
 * <p>
 * The division must start with a known province-level code; the birth date must be a real date between
 * 1900-01-01 and today.
 */
public final class CnResidentIdNumber implements NumberFormat {

    /** Province-level division codes (GB/T 2260): the first two digits of every division code. */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",                    // North: Beijing .. Inner Mongolia
            "21", "22", "23",                                // Northeast: Liaoning, Jilin, Heilongjiang
            "31", "32", "33", "34", "35", "36", "37",        // East: Shanghai .. Shandong
            "41", "42", "43", "44", "45", "46",              // Central and South: Henan .. Hainan
            "50", "51", "52", "53", "54",                    // Southwest: Chongqing .. Tibet
            "61", "62", "63", "64", "65");                   // Northwest: Shaanxi .. Xinjiang

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final Clock clock;

    public CnResidentIdNumber(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "Mainland China citizen identity number (GB 11643)";
    }

    @Override
    public Optional<String> problem(String number) {
        if (number == null || number.length() != 18) {
            return Optional.of("not 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(number.charAt(i))) {
                return Optional.of("a character other than a digit in the first 17");
            }
        }
        char last = number.charAt(17);
        if (!isDigit(last) && last != 'X') {
            return Optional.of("a check character other than a digit or X");
        }
        if (!PROVINCES.contains(number.substring(0, 2))) {
            return Optional.of("an unknown province-level region code");
        }
        Optional<String> birth = birthDateProblem(number.substring(6, 14));
        if (birth.isPresent()) {
            return birth;
        }
        if (checkCharacter(number.substring(0, 17)) != last) {
            return Optional.of("the check character does not match (ISO 7064 MOD 11-2)");
        }
        return Optional.empty();
    }

    /** The ISO 7064 MOD 11-2 check character of 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private Optional<String> birthDateProblem(String yyyyMMdd) {
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(yyyyMMdd.substring(0, 4)), Integer.parseInt(yyyyMMdd.substring(4, 6)),
                    Integer.parseInt(yyyyMMdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return Optional.of("the birth date is not a real date");
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            return Optional.of("the birth date is before " + EARLIEST_BIRTH.getYear());
        }
        if (birth.isAfter(LocalDate.now(clock))) {
            return Optional.of("the birth date is in the future");
        }
        return Optional.empty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return name();
    }
}
