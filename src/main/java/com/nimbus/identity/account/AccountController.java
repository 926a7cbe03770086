package com.nimbus.identity.account;

import com.nimbus.identity.vocabulary.ValidationFailed;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Accounts", description = "Accounts, their verification state and what they may buy")
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

    @Operation(operationId = "openAccount", summary = "Open an account",
            description = "The account starts `UNVERIFIED`. `language` (`en`, the default, or `zh-CN`) is the language "
                    + "of the holder's notifications.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject("""
                            {"email": "wang@example.com", "phone": "+8613800138000", "registrationRegion": "CN",
                             "language": "zh-CN"}"""))))
    @ApiResponse(responseCode = "201", description = "Opened",
            headers = @Header(name = "Location", description = "The account's verification",
                    schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = Created.class), examples = @ExampleObject("""
                    {"accountId": "3f1c9a52-7d4e-4b8a-9c61-0e2f5d7a8b90", "status": "UNVERIFIED"}""")))
    @ProblemResponses({"VALIDATION_FAILED", "MEDIA_TYPE_UNSUPPORTED"})
    @PostMapping
    ResponseEntity<Created> open(@Valid @RequestBody NewAccount request) {
        Account account = accounts.open(request);
        return ResponseEntity.created(URI.create("/api/accounts/" + account.getId() + "/verification"))
                .body(new Created(account.getId(), account.getStatus()));
    }

    @Operation(operationId = "getVerification", summary = "The account's verification state",
            description = "A pending application never changes it (R1); `changeLockedUntil` is when a change other than "
                    + "individual to enterprise is allowed again (R7); `revocation` says why the last verification was "
                    + "revoked (R9).")
    @ApiResponse(responseCode = "200", description = "The state", content = @Content(
            schema = @Schema(implementation = VerificationView.class), examples = @ExampleObject("""
            {"accountId": "3f1c9a52-7d4e-4b8a-9c61-0e2f5d7a8b90", "status": "VERIFIED", "identityType": "INDIVIDUAL",
             "verifiedName": "Wang Xiaoming", "maskedDocumentNumber": "*****5678", "verifiedAt": "2025-07-01T09:30:00Z",
             "changeLockedUntil": "2025-07-31T09:30:00Z", "pendingApplicationId": null, "revocation": null}""")))
    @ProblemResponses("ACCOUNT_NOT_FOUND")
    @GetMapping("/{accountId}/verification")
    VerificationView verification(@PathVariable String accountId) {
        Account account = accounts.get(accountId);
        String pending = pendingApplications.pendingApplicationId(accountId).orElse(null);
        return VerificationView.of(account, pending);
    }

    /** R10: what the account may buy in {@code region} (a cloud region, e.g. ap-guangzhou), and why not. */
    @Operation(operationId = "getEntitlements", summary = "What the account may buy in a cloud region, and why not (R10)")
    @ApiResponse(responseCode = "200", description = "One entry per entitlement", content = @Content(
            schema = @Schema(implementation = Entitlements.View.class), examples = @ExampleObject("""
            {"accountId": "3f1c9a52-7d4e-4b8a-9c61-0e2f5d7a8b90", "region": "ap-guangzhou", "mainlandChina": true,
             "entitlements": [
               {"entitlement": "PURCHASE", "allowed": true, "reason": null},
               {"entitlement": "INDIVIDUAL_RESOURCES", "allowed": true, "reason": null},
               {"entitlement": "ORGANISATION_RESOURCES", "allowed": false,
                "reason": "Resources designated for organisations need an enterprise-verified account."},
               {"entitlement": "VAT_INVOICE", "allowed": false,
                "reason": "VAT invoices are issued to enterprise-verified accounts only."},
               {"entitlement": "ICP_FILING", "allowed": true, "reason": null}]}""")))
    @ProblemResponses({"VALIDATION_FAILED", "ACCOUNT_NOT_FOUND"})
    @GetMapping("/{accountId}/entitlements")
    Entitlements.View entitlements(@PathVariable String accountId,
                                   @Parameter(description = "A cloud region, e.g. ap-guangzhou", example = "ap-guangzhou")
                                   @RequestParam String region,
                                   @Parameter(description = "The entity an ICP filing would be made for")
                                   @RequestParam(required = false) String icpEntityName) {
        if (region.isBlank()) {
            throw ValidationFailed.of("region", "is required");
        }
        return entitlements.of(accounts.get(accountId), region, icpEntityName);
    }
}
