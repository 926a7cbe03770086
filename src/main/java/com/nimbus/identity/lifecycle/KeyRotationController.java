package com.nimbus.identity.lifecycle;

import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/key-rotations} (group {@code camunda-admin}): seals everything with the active keys. */
@RestController
@RequestMapping("/api/admin/key-rotations")
@Tag(name = "Operations", description = "For operators (group `camunda-admin`)")
class KeyRotationController {

    private final KeyRotation rotation;

    KeyRotationController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @Operation(operationId = "rotateKeys", summary = "Seal all identity data with the active keys",
            description = "Seals again, in batches while the service runs, every document number, document page, "
                    + "webhook secret and stored Idempotency-Key answer not sealed with `identity.crypto.active-key-id`, "
                    + "and rebuilds the quota keys when `identity.crypto.active-fingerprint-key-id` changed, counts "
                    + "carried over. Safe to run again; answers once everything is done. Afterwards the old key may be "
                    + "removed from the configuration.")
    @ApiResponse(responseCode = "200", description = "What was sealed again and rebuilt",
            content = @Content(schema = @Schema(implementation = KeyRotation.Report.class), examples = @ExampleObject("""
                    {"activeKeyId": "k2026", "documentNumbers": 1520, "pageObjects": 1874, "webhookSecrets": 3,
                     "storedAnswers": 41, "fingerprintKeyId": "f2026", "quotaKeysRebuilt": 1520}""")))
    @ProblemResponses({})
    @PostMapping
    KeyRotation.Report rotate(Principal admin) {
        return rotation.rotate(admin.getName());
    }
}
