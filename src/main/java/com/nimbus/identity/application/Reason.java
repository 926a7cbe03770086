package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ReasonCode;
import jakarta.persistence.Embeddable;

/** One reason of a rejection, as the holder reads it through the API. */
@Embeddable
public record Reason(String code, String message) {

    public static Reason of(ReasonCode code) {
        return new Reason(code.name(), code.message());
    }
}
