package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/application-reconciliations} (group {@code camunda-admin}): the applications the
 * reconciliation cancelled, newest first, with why and the engine instance concerned.
 */
@RestController
class ApplicationReconciliationController {

    record Page(List<ApplicationReconciliation.Reconciled> items) {
    }

    private final ApplicationReconciliation reconciliation;

    ApplicationReconciliationController(ApplicationReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Operation(operationId = "listApplicationReconciliations",
            summary = "Applications cancelled because the engine and the database disagreed",
            description = "Newest first. Each was pending while its engine instance ended (deleted or cancelled in "
                    + "Cockpit), was missing, or waited on an incident too long; it is CANCELLED and its account free.")
    @GetMapping("/api/admin/application-reconciliations")
    Page list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ValidationFailed.of("limit", "must be between 1 and 1000");
        }
        return new Page(reconciliation.list(limit));
    }
}
