package com.nimbus.identity.document.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/** A number format without a published check character: a regular expression over the normalised number. */
public final class PatternNumberFormat implements NumberFormat {

    private final String name;
    private final Pattern pattern;
    private final String expected;

    /**
     * @param expected what a valid number looks like, in words, for reviewers ("8 digits")
     */
    public PatternNumberFormat(String name, String regex, String expected) {
        this.name = name;
        this.pattern = Pattern.compile(regex);
        this.expected = expected;
    }

    /**
     * The format of every document without a rule of its own: 5 to 20 letters and digits, at least one
     * of them a digit (no identity or registration number is letters only).
     */
    public static PatternNumberFormat generic(String name) {
        return new PatternNumberFormat(name, "(?=.*[0-9])[A-Z0-9]{5,20}", "5 to 20 letters and digits with at least one digit");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> problem(String number) {
        if (number != null && pattern.matcher(number).matches()) {
            return Optional.empty();
        }
        return Optional.of("expected " + expected);
    }

    @Override
    public String toString() {
        return name;
    }
}
