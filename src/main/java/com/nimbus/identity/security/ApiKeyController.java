package com.nimbus.identity.security;

import com.nimbus.identity.vocabulary.ValidationFailed;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/api-keys} (group {@code camunda-admin}): issue, list and revoke the API clients' keys. */
@RestController
@RequestMapping("/api/api-keys")
@Tag(name = "API keys", description = "For administrators (camunda-admin): the API clients' keys")
class ApiKeyController {

    private static final String KEY_EXAMPLE = """
            {"id": "4c2d9e7a-1b3f-4e5d-8a6b-7c8d9e0f1a2b", "clientId": "console", "name": "console-backend-prod",
             "keyPrefix": "idv_Q2xvdWQ", "createdAt": "2025-07-01T09:00:00Z", "createdBy": "admin",
             "lastUsedAt": "2025-07-02T10:15:00Z", "revokedAt": null, "revokedBy": null}""";

    @Schema(name = "ApiKeyRequest")
    record Request(@Schema(description = "A user of the group api-clients", example = "console") String clientId,
                   @Schema(description = "Where the key is used", example = "console-backend-prod") String name) {
    }

    @Schema(name = "IssuedApiKey")
    record IssuedView(String id, String clientId, String name, String keyPrefix, java.time.Instant createdAt,
                      String createdBy, @Schema(description = "The key: shown this once, never again") String key) {
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(operationId = "issueApiKey", summary = "Issue an API key for an API client",
            description = "The answer holds the key (`idv_...`) this once; only a hash is kept. The client sends it as "
                    + "`Authorization: Bearer idv_...`. To rotate, issue a new key, switch the client over, then revoke "
                    + "the old one. Not idempotent: an `Idempotency-Key` is ignored here, since replaying the answer "
                    + "would mean keeping the key.")
    @ApiResponse(responseCode = "201", description = "Issued", content = @Content(
            schema = @Schema(implementation = IssuedView.class), examples = @ExampleObject("""
            {"id": "4c2d9e7a-1b3f-4e5d-8a6b-7c8d9e0f1a2b", "clientId": "console", "name": "console-backend-prod",
             "keyPrefix": "idv_Q2xvdWQ", "createdAt": "2025-07-01T09:00:00Z", "createdBy": "admin",
             "key": "idv_Q2xvdWRLZXlFeGFtcGxlT25seU5vdEFSZWFsS2V5MDAwMDA"}""")))
    @ProblemResponses({"VALIDATION_FAILED", "MEDIA_TYPE_UNSUPPORTED"})
    @PostMapping
    ResponseEntity<IssuedView> issue(@RequestBody Request request, Principal admin) {
        if (request == null) {
            throw ValidationFailed.of("body", "must be a JSON object with clientId and name");
        }
        ApiKeys.Issued issued = keys.issue(request.clientId(), request.name(), admin.getName());
        ApiKeys.ApiKey key = issued.apiKey();
        return ResponseEntity.created(URI.create("/api/api-keys/" + key.id()))
                .cacheControl(CacheControl.noStore())
                .body(new IssuedView(key.id(), key.clientId(), key.name(), key.keyPrefix(), key.createdAt(),
                        key.createdBy(), issued.key()));
    }

    @Operation(operationId = "listApiKeys", summary = "The API keys, newest first (never the keys themselves)")
    @ApiResponse(responseCode = "200", description = "The keys", content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = ApiKeys.ApiKey.class)),
            examples = @ExampleObject("[" + KEY_EXAMPLE + "]")))
    @GetMapping
    List<ApiKeys.ApiKey> list(@Parameter(description = "Only this client's keys") @RequestParam(required = false)
                              String clientId) {
        return keys.list(clientId);
    }

    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "From now on the key opens nothing. Revoking a revoked key answers the same again.")
    @ApiResponse(responseCode = "200", description = "Revoked", content = @Content(
            schema = @Schema(implementation = ApiKeys.ApiKey.class), examples = @ExampleObject(KEY_EXAMPLE)))
    @ProblemResponses("API_KEY_NOT_FOUND")
    @DeleteMapping("/{id}")
    ApiKeys.ApiKey revoke(@PathVariable String id, Principal admin) {
        return keys.revoke(id, admin.getName());
    }
}
