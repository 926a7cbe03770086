package com.nimbus.identity.account;

import com.nimbus.identity.web.ApiException;
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

    /** The account, or 404 {@code ACCOUNT_NOT_FOUND}. */
    public Account find(String accountId) {
        return accounts.findById(accountId)
                .orElseThrow(() -> ApiException.notFound("ACCOUNT_NOT_FOUND", "No account " + accountId + "."));
    }

    /** The account with a row lock held until the transaction ends. */
    public Account lock(String accountId) {
        return accounts.findForUpdate(accountId)
                .orElseThrow(() -> ApiException.notFound("ACCOUNT_NOT_FOUND", "No account " + accountId + "."));
    }
}
