package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code ACCOUNT_NOT_FOUND}: no account with this id. */
public class AccountNotFound extends DomainException {

    public AccountNotFound(String accountId) {
        super(Category.NOT_FOUND, "ACCOUNT_NOT_FOUND", "No account " + accountId + ".");
    }
}
