package com.nimbus.identity.quota;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.IdentityType;
import com.nimbus.identity.vocabulary.ValidationFailed;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/identity-quotas/lookup} (group {@code process-owners}): the quota key of an identity, for a row of
 * the decision table {@code identity-quota} that grants a named company (or person) another limit. The number is
 * sent in the body, never in a URL, and is neither stored nor logged; the key is a keyed fingerprint that cannot be
 * turned back into the number, so it may stand in the table and in the engine's decision history.
 */
@RestController
@RequestMapping("/api/identity-quotas")
@Tag(name = "Identity quotas", description = "For process owners: the keys and counts of R4's quotas")
class IdentityQuotaController {

    @Schema(name = "IdentityQuotaLookup")
    record Lookup(String region, String documentType, String documentNumber) {
    }

    @Schema(name = "IdentityQuota")
    record Quota(String quotaKey, IdentityType identityType, int accountsVerified, int accountsPerIdentity) {
    }

    private final QuotaService quotas;

    IdentityQuotaController(QuotaService quotas) {
        this.quotas = quotas;
    }

    @Operation(operationId = "lookUpIdentityQuota", summary = "The quota key and count of an identity",
            description = "For an override row in the decision table `identity-quota`: the `quotaKey` to put in the "
                    + "row, how many accounts the identity verifies now and the limit in force. Enterprises: "
                    + "`documentType` `BUSINESS_LICENSE` and the registration number. Group `process-owners`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject("""
                            {"region": "CN", "documentType": "BUSINESS_LICENSE", "documentNumber": "91110000600037341L"}"""))))
    @ApiResponse(responseCode = "200", description = "The identity's quota", content = @Content(
            schema = @Schema(implementation = Quota.class), examples = @ExampleObject("""
            {"quotaKey": "CN:ENTERPRISE:3f1c9a527d4e4b8a9c610e2f5d7a8b903f1c9a527d4e4b8a9c610e2f5d7a8b90", "identityType": "ENTERPRISE",
             "accountsVerified": 3, "accountsPerIdentity": 5}""")))
    @ProblemResponses({"VALIDATION_FAILED", "MEDIA_TYPE_UNSUPPORTED"})
    @PostMapping("/lookup")
    Quota lookUp(@RequestBody(required = false) Lookup request) {
        List<FieldError> errors = new ArrayList<>();
        Lookup lookup = request == null ? new Lookup(null, null, null) : request;
        String region = lookup.region() == null ? "" : lookup.region().strip();
        if (!region.matches("[A-Z]{2}")) {
            errors.add(new FieldError("region", "must be a region code of two capital letters, e.g. CN"));
        }
        DocumentType type = Arrays.stream(DocumentType.values())
                .filter(t -> t.name().equals(lookup.documentType())).findFirst().orElse(null);
        if (type == null) {
            errors.add(new FieldError("documentType", "must be one of " + Arrays.toString(DocumentType.values())));
        }
        String number = lookup.documentNumber() == null ? "" : DocumentNumbers.normalise(lookup.documentNumber());
        if (!number.matches("[A-Z0-9]{4,32}")) {
            errors.add(new FieldError("documentNumber", "must be 4 to 32 letters and digits"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String key = quotas.identityKey(region, type, number);
        return new Quota(key, type.identityType(), quotas.used(key), quotas.limit(key, type.identityType()));
    }
}
