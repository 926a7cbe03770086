package com.nimbus.identity.recheck;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.vocabulary.IdentityType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/enterprise-rechecks} (group {@code process-owners}): starts the re-check now, outside its
 * schedule. Without a body (or with {@code {}}) a sweep over every enterprise-verified account; with
 * {@code {"accountId": "..."}} a re-check of that account alone. Answers 202 with the process instance's id.
 */
@RestController
@RequestMapping("/api/enterprise-rechecks")
class EnterpriseRecheckController {

    record Request(String accountId) {
    }

    record Started(String processInstanceId, String scope, String accountId) {
    }

    private final EnterpriseRechecks rechecks;
    private final AccountService accounts;

    EnterpriseRecheckController(EnterpriseRechecks rechecks, AccountService accounts) {
        this.rechecks = rechecks;
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<Started> start(@RequestBody(required = false) Request request) {
        if (request == null || request.accountId() == null || request.accountId().isBlank()) {
            ProcessInstance sweep = rechecks.startSweep();
            return ResponseEntity.accepted().body(new Started(sweep.getId(), "ALL_ENTERPRISE_ACCOUNTS", null));
        }
        Account account = accounts.get(request.accountId().strip());
        if (!account.isVerified() || account.getIdentityType() != IdentityType.ENTERPRISE) {
            throw new AccountNotEnterpriseVerified(account.getId());
        }
        ProcessInstance recheck = rechecks.recheckAccount(account.getId());
        return ResponseEntity.accepted().body(new Started(recheck.getId(), "ACCOUNT", account.getId()));
    }
}
