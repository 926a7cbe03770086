package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.ValidationFailed;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final AccountService accounts;
    private final PendingApplications pendingApplications;
    private final Entitlements entitlements;

    AccountController(AccountService accounts, PendingApplications pendingApplications, Entitlements entitlements) {
        this.accounts = accounts;
        this.pendingApplications = pendingApplications;
        this.entitlements = entitlements;
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
        String pending = pendingApplications.pendingApplicationId(accountId).orElse(null);
        return VerificationView.of(account, pending);
    }

    /** R10: what the account may buy in {@code region} (a cloud region, e.g. ap-guangzhou), and why not. */
    @GetMapping("/{accountId}/entitlements")
    Entitlements.View entitlements(@PathVariable String accountId, @RequestParam String region,
                                   @RequestParam(required = false) String icpEntityName) {
        if (region.isBlank()) {
            throw ValidationFailed.of("region", "is required");
        }
        return entitlements.of(accounts.get(accountId), region, icpEntityName);
    }
}
