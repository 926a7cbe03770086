package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.ReasonCode;
import java.util.Arrays;

/**
 * What the re-check found about a verified enterprise, the input of the decision table {@code revocation-policy};
 * each has the reason code a revocation for it carries. A registry that cannot be reached is not a finding.
 */
public enum RegistryFinding {
    DISSOLVED(ReasonCode.ENTERPRISE_DISSOLVED),
    DATA_MISMATCH(ReasonCode.ENTERPRISE_DATA_MISMATCH),
    NOT_FOUND(ReasonCode.ENTERPRISE_NOT_FOUND);

    private final ReasonCode reason;

    RegistryFinding(ReasonCode reason) {
        this.reason = reason;
    }

    public ReasonCode reason() {
        return reason;
    }

    static RegistryFinding of(ReasonCode reason) {
        return Arrays.stream(values()).filter(f -> f.reason == reason).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a re-check reason: " + reason));
    }
}
