package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code ACCOUNT_VERIFIED}: the account's verification stands; its holder must end it before the account is erased. */
public class AccountVerified extends DomainException {

    public AccountVerified(String accountId) {
        super(Category.CONFLICT, "ACCOUNT_VERIFIED", "Account " + accountId
                + " is verified: its verification must end before its identity data can be erased.");
    }
}
