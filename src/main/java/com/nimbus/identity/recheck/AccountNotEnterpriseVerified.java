package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code ACCOUNT_NOT_ENTERPRISE_VERIFIED}: a re-check was asked for an account with no enterprise verification. */
public class AccountNotEnterpriseVerified extends DomainException {

    public AccountNotEnterpriseVerified(String accountId) {
        super(Category.CONFLICT, "ACCOUNT_NOT_ENTERPRISE_VERIFIED",
                "Account " + accountId + " is not verified as an enterprise: there is nothing to re-check.");
    }
}
