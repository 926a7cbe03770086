package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.DomainException;
import java.time.Instant;
import java.util.Map;

/** {@code CHANGE_LOCKED} (R7): the change lock holds the change back until {@code lockedUntil}. */
public class ChangeLocked extends DomainException {

    private final Instant lockedUntil;

    public ChangeLocked(Instant lockedUntil) {
        super(Category.CONFLICT, "CHANGE_LOCKED", "The account's identity can be changed from " + lockedUntil
                        + " on (the change lock after the last verification); only a change from individual to"
                        + " enterprise is allowed before.",
                Map.of("lockedUntil", lockedUntil.toString()));
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
