package com.nimbus.identity.account;

import com.nimbus.identity.application.ApplicationService;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final AccountService accounts;
    private final ApplicationService applications;

    AccountController(AccountService accounts, ApplicationService applications) {
        this.accounts = accounts;
        this.applications = applications;
    }

    record Created(String accountId, VerificationStatus status) {
    }

    @PostMapping
    ResponseEntity<Created> open(@Valid @RequestBody NewAccount request) {
        Account account = accounts.open(request);
        return ResponseEntity.created(URI.create("/api/accounts/" + account.getId() + "/verification"))
                .body(new Created(account.getId(), account.getStatus()));
    }

    @GetMapping("/{accountId}/verification")
    VerificationView verification(@PathVariable String accountId) {
        Account account = accounts.get(accountId);
        String pending = applications.pendingApplicationId(accountId).orElse(null);
        return VerificationView.of(account, pending);
    }
}
