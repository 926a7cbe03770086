package com.nimbus.identity.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-account numbering of events ({@code account.event_sequence}). The number is taken by an update of the
 * account's row, which holds the row lock until the caller's transaction ends: two transactions that record events
 * of one account take their numbers one after the other, in the order they commit, and a transaction that rolls
 * back gives its number back. So a receiver sees 1, 2, 3 ... without gaps and can drop a repeat or an older event.
 */
@Component
public class AccountEventSequence {

    private final JdbcTemplate jdbc;

    public AccountEventSequence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's next event number, in the caller's transaction (which must exist: the lock lives in it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String accountId) {
        if (jdbc.update("update account set event_sequence = event_sequence + 1 where id = ?", accountId) != 1) {
            throw new AccountNotFound(accountId);
        }
        Long sequence = jdbc.queryForObject("select event_sequence from account where id = ?", Long.class, accountId);
        return sequence == null ? 0 : sequence;
    }
}
