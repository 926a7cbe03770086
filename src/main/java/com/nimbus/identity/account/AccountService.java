package com.nimbus.identity.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    @PersistenceContext
    private EntityManager entityManager;

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
        // read the locked row again: an account this transaction read before keeps the state it read then
        return accounts.findForUpdate(accountId).map(account -> {
                    entityManager.refresh(account);
                    return account;
                }).filter(account -> !account.isErased())
                .orElseThrow(() -> new AccountNotFound(accountId));
    }
}
