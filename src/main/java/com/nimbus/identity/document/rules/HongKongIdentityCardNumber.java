package com.nimbus.identity.document.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Hong Kong identity card number: one or two letters, six digits and a check digit, printed as
 * {@code A123456(3)}; the parentheses are gone once the number is normalised. The check digit makes the
 * weighted sum (weights 9 to 1, a letter counting 10 to 35, a missing first letter 36, check {@code A} 10)
 * a multiple of 11.
 */
public final class HongKongIdentityCardNumber implements NumberFormat {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{1,2}[0-9]{6}[0-9A]");
    private static final int SPACE = 36;

    @Override
    public String name() {
        return "Hong Kong identity card number";
    }

    @Override
    public Optional<String> problem(String number) {
        if (number == null || !SHAPE.matcher(number).matches()) {
            return Optional.of("expected 1 or 2 letters, 6 digits and a check digit (0-9 or A)");
        }
        int n = number.length();
        if (checkDigit(number.substring(0, n - 1)) != number.charAt(n - 1)) {
            return Optional.of("the check digit does not match");
        }
        return Optional.empty();
    }

    /** The check digit of letters and six digits ({@code A123456} or {@code XA123456}): 0-9 or A. */
    public static char checkDigit(String body) {
        String eight = body.length() == 7 ? " " + body : body;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = eight.charAt(i);
            int value = c == ' ' ? SPACE : Character.digit(c, 36);
            sum += value * (9 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'A' : (char) ('0' + check);
    }

    @Override
    public String toString() {
        return name();
    }
}
