package com.nimbus.identity.document.check;

import com.nimbus.identity.vocabulary.ReasonCode;

/**
 * The outcome of one check. {@code FAIL} rejects the application with {@code reason}; {@code WARN} is a soft
 * signal shown to the reviewer. {@code detail} is shown to reviewers and must hold no personal data.
 */
public record CheckResult(String check, Outcome outcome, ReasonCode reason, String detail) {

    public enum Outcome { PASS, WARN, FAIL }

    public static CheckResult pass(String check, String detail) {
        return new CheckResult(check, Outcome.PASS, null, detail);
    }

    public static CheckResult warn(String check, String detail) {
        return new CheckResult(check, Outcome.WARN, null, detail);
    }

    public static CheckResult fail(String check, ReasonCode reason, String detail) {
        return new CheckResult(check, Outcome.FAIL, reason, detail);
    }
}
