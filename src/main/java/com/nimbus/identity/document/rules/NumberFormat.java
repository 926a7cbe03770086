package com.nimbus.identity.document.rules;

import java.util.Optional;

/**
 * The format of one kind of document number, checked on the number as
 * {@link com.nimbus.identity.document.DocumentNumbers#normalise} gives it.
 */
public interface NumberFormat {

    /** What the format is, for reviewers: "Mainland China resident ID (GB 11643)". */
    String name();

    /**
     * Why {@code number} is not a valid number of this format, or empty when it is. The text is shown to
     * reviewers: it names the problem, never any part of the number.
     */
    Optional<String> problem(String number);

    default boolean isValid(String number) {
        return problem(number).isEmpty();
    }
}
