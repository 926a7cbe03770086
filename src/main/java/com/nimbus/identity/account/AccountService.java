package com.nimbus.identity.account;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    private final AccountRepository accounts;
    private final Clock clock;

    public AccountService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Account open(NewAccount request) {
        Account account = new Account(request.email().trim(), request.phone().trim(),
                request.registrationRegion(), request.languageOrDefault(), clock.instant());
        return accounts.save(account);
    }

    @Transactional(readOnly = true)
    public Account get(String accountId) {
        return find(accountId);
    }

    /** The account, or {@link AccountNotFound}. */
    public Account find(String accountId) {
        return accounts.findById(accountId).filter(account -> !account.isErased())
                .orElseThrow(() -> new AccountNotFound(accountId));
    }

    /** The account with a row lock held until the transaction ends. */
    public Account lock(String accountId) {
        return accounts.findForUpdate(accountId).filter(account -> !account.isErased())
                .orElseThrow(() -> new AccountNotFound(accountId));
    }
}
