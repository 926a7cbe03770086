package com.nimbus.identity.recheck;

/**
 * The enterprise registry could not answer: down, timed out, refused our credentials or answered something
 * that is not an answer. Thrown out of a re-check job, it makes the job retry and then an incident; it never
 * revokes anything.
 */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
