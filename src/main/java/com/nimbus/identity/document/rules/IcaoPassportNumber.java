package com.nimbus.identity.document.rules;

import java.util.Optional;

/**
 * A passport number as ICAO Doc 9303 prints it in the machine readable zone: the document number field is
 * 9 characters of {@code A-Z} and {@code 0-9} (shorter numbers are padded with {@code <}, which is not part of
 * the number). Passports of every region share this format.
 */
public final class IcaoPassportNumber implements NumberFormat {

    static final int MAX_LENGTH = 9;

    @Override
    public String name() {
        return "passport number (ICAO 9303)";
    }

    @Override
    public Optional<String> problem(String number) {
        if (number == null || number.isEmpty()) {
            return Optional.of("no number");
        }
        if (number.length() > MAX_LENGTH) {
            return Optional.of("longer than " + MAX_LENGTH + " characters");
        }
        if (!number.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return Optional.of("a character outside A-Z and 0-9");
        }
        if (number.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("no digit");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name();
    }
}
