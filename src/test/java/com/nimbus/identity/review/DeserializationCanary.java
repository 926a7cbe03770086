package com.nimbus.identity.review;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class an attacker would name in a serialized {@code Object} variable: it counts how often it is built, so a test
 * sees whether the engine deserialized a value into a class of the sender's choosing.
 */
public class DeserializationCanary {

    public static final AtomicInteger BUILT = new AtomicInteger();

    public DeserializationCanary() {
        BUILT.incrementAndGet();
    }

    @Override
    public String toString() {
        return "APPROVE";
    }
}
