package com.nimbus.identity.recheck;

import com.nimbus.identity.account.Account;
import com.nimbus.identity.account.AccountService;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Enterprise re-check", description = "For process owners: the periodic re-check against the enterprise "
        + "registry (R9)")
class EnterpriseRecheckController {

    @Schema(name = "RecheckRequest")
    record Request(String accountId) {
    }

    @Schema(name = "RecheckStarted")
    record Started(String processInstanceId, String scope, String accountId) {
    }

    private final EnterpriseRechecks rechecks;
    private final AccountService accounts;

    EnterpriseRecheckController(EnterpriseRechecks rechecks, AccountService accounts) {
        this.rechecks = rechecks;
        this.accounts = accounts;
    }

    @Operation(operationId = "startEnterpriseRecheck",
            summary = "Re-check now: every enterprise-verified account, or one",
            description = "Without a body (or with `{}`) a sweep over every enterprise-verified account; with "
                    + "`{\"accountId\": \"...\"}` that account alone. Group `process-owners`.")
    @ApiResponse(responseCode = "202", description = "Started", content = @Content(
            schema = @Schema(implementation = Started.class), examples = @ExampleObject("""
            {"processInstanceId": "7c1d2e3f-4a5b-11f0-9c8d-0242ac120002", "scope": "ALL_ENTERPRISE_ACCOUNTS",
             "accountId": null}""")))
    @ProblemResponses({"VALIDATION_FAILED", "ACCOUNT_NOT_FOUND", "ACCOUNT_NOT_ENTERPRISE_VERIFIED",
            "MEDIA_TYPE_UNSUPPORTED"})
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
