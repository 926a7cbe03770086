package com.nimbus.identity.webhook;

import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/webhook-subscriptions")
@Tag(name = "Webhooks", description = "Subscriptions to the events of accounts, delivered as signed webhooks "
        + "(Standard Webhooks); the bodies are under `webhooks`")
class WebhookSubscriptionController {

    private final WebhookSubscriptions subscriptions;

    WebhookSubscriptionController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Schema(description = "Where to deliver which events")
    record NewSubscription(
            @Schema(description = "The receiver: an absolute URL; only `https`, to a public address, in production",
                    example = "https://console.example.com/hooks/identity", requiredMode = Schema.RequiredMode.REQUIRED)
            String url,
            @ArraySchema(arraySchema = @Schema(description = "The event types to deliver",
                    requiredMode = Schema.RequiredMode.REQUIRED),
                    schema = @Schema(ref = "#/components/schemas/EventType"), minItems = 1)
            List<String> events) {
    }

    record CreatedView(String id, String url, List<String> events,
                       @Schema(description = "The signing secret, shown this once: keep it") String secret) {
    }

    record SubscriptionView(String id, String url, List<String> events, Instant createdAt) {
    }

    record RotatedView(String id, @Schema(description = "The new signing secret, shown this once") String secret,
                       @Schema(description = "Until then the previous secret signs too (a second `v1,` signature)")
                       Instant previousSecretExpiresAt) {
    }

    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe to events",
            description = "Every event of the listed types that enters the feed from now on is delivered to `url`, at "
                    + "least once, signed with the `secret` answered here, which is shown this once. A URL the target "
                    + "rules refuse (another scheme, credentials in it; in production `http` or an address that is "
                    + "loopback, private or link-local) and unknown event types are 400 `VALIDATION_FAILED`.")
    @ApiResponse(responseCode = "201", description = "Subscribed",
            content = @Content(schema = @Schema(implementation = CreatedView.class), examples = @ExampleObject("""
                    {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "url": "https://console.example.com/hooks/identity",
                     "events": ["application.approved", "application.rejected", "verification.revoked"],
                     "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9P9ZeXx4Xk0="}""")))
    @ProblemResponses({"VALIDATION_FAILED", "MEDIA_TYPE_UNSUPPORTED"})
    @PostMapping
    ResponseEntity<CreatedView> create(Principal client, @RequestBody NewSubscription request) {
        WebhookSubscriptions.Created created = subscriptions.create(client.getName(), request.url(), request.events());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedView(created.id(), created.url(), created.events(), created.secret()));
    }

    @Operation(operationId = "listWebhookSubscriptions", summary = "The calling client's subscriptions",
            description = "Oldest first; secrets are never shown again.")
    @ApiResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = SubscriptionView.class)),
                    examples = @ExampleObject("""
                            [{"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "url": "https://console.example.com/hooks/identity",
                              "events": ["application.approved", "application.rejected", "verification.revoked"],
                              "createdAt": "2025-07-01T09:00:00Z"}]""")))
    @GetMapping
    List<SubscriptionView> list(Principal client) {
        return subscriptions.list(client.getName()).stream()
                .map(s -> new SubscriptionView(s.id(), s.url(), s.events(), s.createdAt()))
                .toList();
    }

    @Operation(operationId = "deleteWebhookSubscription", summary = "End a subscription",
            description = "Nothing more is delivered to it, retries included.")
    @ApiResponse(responseCode = "204", description = "Ended")
    @ProblemResponses("WEBHOOK_SUBSCRIPTION_NOT_FOUND")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Principal client, @Parameter(description = "The subscription") @PathVariable String id) {
        subscriptions.delete(client.getName(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "rotateWebhookSecret", summary = "Roll a subscription's secret",
            description = "Answers a new secret, shown this once. Until `previousSecretExpiresAt` "
                    + "(`identity.webhooks.secret-overlap`, 24 hours by default) every delivery carries two signatures, "
                    + "by the new and by the previous secret, so the receiver can switch when it likes.")
    @ApiResponse(responseCode = "200", description = "Rotated",
            content = @Content(schema = @Schema(implementation = RotatedView.class), examples = @ExampleObject("""
                    {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "secret": "whsec_3q2+7w9vXGzHk0nVb2Q0fWQ1bXJ5c2VjcmV0a2V5MDE=",
                     "previousSecretExpiresAt": "2025-07-02T09:00:00Z"}""")))
    @ProblemResponses("WEBHOOK_SUBSCRIPTION_NOT_FOUND")
    @PostMapping("/{id}/secret-rotation")
    RotatedView rotate(Principal client, @Parameter(description = "The subscription") @PathVariable String id) {
        WebhookSubscriptions.Rotated rotated = subscriptions.rotateSecret(client.getName(), id);
        return new RotatedView(rotated.id(), rotated.secret(), rotated.previousSecretExpiresAt());
    }
}
