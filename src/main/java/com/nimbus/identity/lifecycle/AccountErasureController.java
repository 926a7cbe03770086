package com.nimbus.identity.lifecycle;

import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE /api/accounts/{accountId}}: erasure of the holder's identity data. */
@RestController
@Tag(name = "Accounts")
class AccountErasureController {

    private final AccountErasure erasure;

    AccountErasureController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @Operation(operationId = "eraseAccount", summary = "Erase the account's identity data",
            description = "Refused while an application is pending (`APPLICATION_PENDING`) or the account is verified "
                    + "(`ACCOUNT_VERIFIED`: the verification must end first). Otherwise every application keeps only its "
                    + "masked number and decision, its document pages are deleted, and so are the messages; the account "
                    + "is then unknown to the API (404).")
    @ApiResponse(responseCode = "204", description = "Erased")
    @ProblemResponses({"ACCOUNT_NOT_FOUND", "APPLICATION_PENDING", "ACCOUNT_VERIFIED"})
    @DeleteMapping("/api/accounts/{accountId}")
    ResponseEntity<Void> erase(@PathVariable String accountId, Principal client) {
        erasure.erase(accountId, client.getName());
        return ResponseEntity.noContent().build();
    }
}
