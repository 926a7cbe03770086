package com.nimbus.identity.webhook;

import com.nimbus.identity.vocabulary.ValidationFailed;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' view of webhook deliveries (group {@code camunda-admin}): what failed, and sending it again. */
@RestController
@RequestMapping("/api/admin/webhook-deliveries")
@Tag(name = "Operations", description = "For operators (group `camunda-admin`)")
class WebhookDeliveryAdminController {

    private static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED");

    private final Deliveries deliveries;
    private final WebhookDispatcher dispatcher;

    WebhookDeliveryAdminController(Deliveries deliveries, WebhookDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    record DeliveryList(List<Deliveries.View> items) {
    }

    record Redelivery(String id, String status) {
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "Webhook deliveries, newest first",
            description = "`status=FAILED` (the default) lists the deliveries that failed every attempt of the retry "
                    + "schedule, with the target's last answer; the gauge `identity.webhooks.deliveries{status=failed}` "
                    + "counts them.")
    @ApiResponse(responseCode = "200", description = "The deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryList.class), examples = @ExampleObject("""
                    {"items": [{"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "status": "FAILED",
                      "subscriptionId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "client": "console",
                      "url": "https://console.example.com/hooks/identity",
                      "webhookId": "evt_5f0c6d1e9a2b4c7d8e9f0a1b2c3d4e5f", "type": "application.approved",
                      "accountId": "3f1c9a52-7d4e-4b8a-9c61-0e2f5d7a8b90", "sequence": 3, "attempts": 10,
                      "firstAttemptAt": "2025-07-02T10:15:00Z", "lastAttemptAt": "2025-07-03T13:51:12Z",
                      "nextAttemptAt": null, "lastAnswer": "HTTP 503: Service Unavailable", "deliveredAt": null}]}""")))
    @ProblemResponses("VALIDATION_FAILED")
    @GetMapping
    DeliveryList list(@Parameter(description = "PENDING, DELIVERED or FAILED (default), or ALL")
                      @RequestParam(required = false) String status,
                      @Parameter(description = "At most this many (1 to 1000, default 100)")
                      @RequestParam(required = false) String limit) {
        String wanted = status == null || status.isBlank() ? "FAILED" : status.strip().toUpperCase(Locale.ROOT);
        if (!wanted.equals("ALL") && !STATUSES.contains(wanted)) {
            throw ValidationFailed.of("status", "must be PENDING, DELIVERED, FAILED or ALL");
        }
        int size = 100;
        if (limit != null && !limit.isBlank()) {
            if (!limit.strip().matches("\\d{1,4}") || Integer.parseInt(limit.strip()) < 1
                    || Integer.parseInt(limit.strip()) > 1000) {
                throw ValidationFailed.of("limit", "must be a whole number from 1 to 1000");
            }
            size = Integer.parseInt(limit.strip());
        }
        return new DeliveryList(deliveries.list(wanted.equals("ALL") ? null : wanted, size));
    }

    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Due at once, with a fresh retry schedule: for a FAILED delivery once the receiver is back, or "
                    + "a delivered one a receiver lost.")
    @ApiResponse(responseCode = "202", description = "Due now",
            content = @Content(schema = @Schema(implementation = Redelivery.class), examples = @ExampleObject("""
                    {"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "status": "PENDING"}""")))
    @ProblemResponses("WEBHOOK_DELIVERY_NOT_FOUND")
    @PostMapping("/{id}/redelivery")
    ResponseEntity<Redelivery> redeliver(@Parameter(description = "The delivery") @PathVariable String id) {
        if (!deliveries.redeliver(id)) {
            throw new WebhookDeliveryNotFound(id);
        }
        dispatcher.wake();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Redelivery(id, "PENDING"));
    }
}
