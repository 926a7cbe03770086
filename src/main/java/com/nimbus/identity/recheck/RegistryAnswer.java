package com.nimbus.identity.recheck;

import java.util.Objects;

/** The registry's answer about one enterprise: found (with its registered data) or not found. */
public sealed interface RegistryAnswer {

    static RegistryAnswer found(String name, String registeredAddress, EnterpriseStatus status) {
        return new Found(name, registeredAddress, status);
    }

    static RegistryAnswer notFound() {
        return NotFound.INSTANCE;
    }

    /** The registry knows the enterprise. */
    record Found(String name, String registeredAddress, EnterpriseStatus status) implements RegistryAnswer {
        public Found {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(registeredAddress, "registeredAddress");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The registry has no enterprise with this registration number in this region. */
    enum NotFound implements RegistryAnswer {
        INSTANCE
    }
}
