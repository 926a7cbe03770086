package com.nimbus.identity.recheck;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R9: the enterprise registry the periodic re-check asks. One adapter is active, chosen by
 * {@code identity.recheck.registry}: {@code database} (a registry loaded by CSV import) or {@code http}
 * (an online registry).
 * <p>
 * A registry that is down, times out or answers something it should not throws
 * {@link RegistryUnavailableException}: it never answers "not found" for a failure, because an answer can
 * revoke a verification and a failure must not.
 */
public interface EnterpriseRegistry {

    /**
     * What the registry says about one enterprise.
     *
     * @param region                      the region of registration (ISO 3166 code, e.g. {@code CN})
     * @param normalisedRegistrationNumber as {@code DocumentNumbers.normalise} gives it
     * @throws RegistryUnavailableException when the registry cannot answer
     */
    RegistryAnswer lookup(String region, String normalisedRegistrationNumber);

    /**
     * The answers for several enterprises of one region, keyed by number; every number given has an answer.
     * Adapters that can ask for many at once override this; the default asks one by one.
     *
     * @throws RegistryUnavailableException when the registry cannot answer for any of them
     */
    default Map<String, RegistryAnswer> lookupAll(String region, Collection<String> normalisedRegistrationNumbers) {
        Map<String, RegistryAnswer> answers = new LinkedHashMap<>();
        for (String number : normalisedRegistrationNumbers) {
            answers.put(number, lookup(region, number));
        }
        return answers;
    }
}
