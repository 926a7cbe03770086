package com.nimbus.identity.web;

/**
 * Seals the answers {@link IdempotencyKeys} keeps for 24 hours before they reach the database, and opens them for a
 * replay. Some answers carry what must never rest in clear (a webhook subscription's {@code whsec_} secret, shown
 * once), so every kept answer is encrypted with the application's key for identity data.
 */
public interface StoredAnswerCipher {

    byte[] seal(byte[] answer);

    byte[] open(byte[] sealed);
}
