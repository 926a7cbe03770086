package com.nimbus.identity.audit;

import com.nimbus.identity.vocabulary.ValidationFailed;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit-entries} (group {@code compliance-officers}): the audit trail of identity data. */
@RestController
@RequestMapping("/api/audit-entries")
@Tag(name = "Audit", description = "For compliance officers (group `compliance-officers`)")
class AuditEntryController {

    private final AuditLog audit;

    AuditEntryController(AuditLog audit) {
        this.audit = audit;
    }

    @Schema(name = "AuditEntry")
    record EntryView(long id, Instant occurredAt, String actor, String action, String accountId, String applicationId,
                     String detail) {
    }

    @Schema(name = "AuditEntryPage")
    record EntryPage(List<EntryView> items, int page, int size, long totalItems, int totalPages) {
    }

    @Operation(operationId = "listAuditEntries", summary = "Who did what to identity data, oldest first",
            description = "Views of document pages, decisions, withdrawals, revocations, erasures, key rotations and "
                    + "retention runs, with who, what and when; ids, codes and counts only, never personal data. "
                    + "`from` (inclusive) and `to` (exclusive) are ISO 8601 instants.")
    @ApiResponse(responseCode = "200", description = "One page of entries", content = @Content(
            schema = @Schema(implementation = EntryPage.class), examples = @ExampleObject("""
                    {"items": [{"id": 41, "occurredAt": "2025-07-02T10:15:00Z", "actor": "alice",
                      "action": "DOCUMENT_PAGE_VIEWED", "accountId": "3f1c9a52-7d4e-4b8a-9c61-0e2f5d7a8b90",
                      "applicationId": "9b2e4c10-5a7f-4d3e-8f21-6c0a1b2d3e4f", "detail": "page 1"}],
                     "page": 0, "size": 50, "totalItems": 1, "totalPages": 1}""")))
    @ProblemResponses("VALIDATION_FAILED")
    @GetMapping
    EntryPage list(@Parameter(description = "Only the entries of this account") @RequestParam(required = false) String accountId,
                   @Parameter(description = "From this instant, inclusive") @RequestParam(required = false) String from,
                   @Parameter(description = "To this instant, exclusive") @RequestParam(required = false) String to,
                   @Parameter(description = "From 0") @RequestParam(defaultValue = "0") int page,
                   @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int size) {
        Instant start = instant("from", from, Instant.EPOCH);
        Instant end = instant("to", to, Instant.parse("9999-12-31T00:00:00Z"));
        if (!start.isBefore(end)) {
            throw ValidationFailed.of("to", "must be after from");
        }
        if (page < 0) {
            throw ValidationFailed.of("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ValidationFailed.of("size", "must be 1 to 200");
        }
        AuditLog.Page entries = audit.read(accountId == null || accountId.isBlank() ? null : accountId.strip(), start,
                end, page, size);
        List<EntryView> items = entries.items().stream().map(e -> new EntryView(e.id(), e.occurredAt(), e.actor(),
                e.action().name(), e.accountId(), e.applicationId(), e.detail())).toList();
        int pages = (int) ((entries.totalItems() + size - 1) / size);
        return new EntryPage(items, page, size, entries.totalItems(), pages);
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of(field, "must be an ISO 8601 instant, e.g. 2025-07-01T00:00:00Z");
        }
    }
}
