package com.nimbus.identity.notification;

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
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts/{accountId}/messages")
@Tag(name = "Message center", description = "The messages the holder reads in the console")
class MessageController {

    private static final String MESSAGE_EXAMPLE = """
            {"messageId": "5d6e7f80-1a2b-4c3d-9e8f-0a1b2c3d4e5f", "event": "APPLICATION_APPROVED",
             "applicationId": "9b2e4c10-5a7f-4d3e-8f21-6c0a1b2d3e4f", "subject": "Your identity verification was approved",
             "body": "Your identity verification application 9b2e4c10-5a7f-4d3e-8f21-6c0a1b2d3e4f was approved. \
            Your account is now verified.", "createdAt": "2025-07-02T10:15:00Z", "read": false}""";

    private final MessageCenter center;

    MessageController(MessageCenter center) {
        this.center = center;
    }

    record MessageView(String messageId, String event, String applicationId, String subject, String body,
                       Instant createdAt, boolean read) {

        static MessageView of(Message m) {
            return new MessageView(m.getId(), m.getEvent().name(), m.getApplicationId(), m.getSubject(), m.getBody(),
                    m.getCreatedAt(), m.getReadAt() != null);
        }
    }

    record MessagePage(List<MessageView> items, int page, int size, long totalItems, int totalPages) {
    }

    /** Newest first; {@code page} from 0, {@code size} 1 to 100. */
    @Operation(operationId = "listMessages", summary = "The message center, newest first")
    @ApiResponse(responseCode = "200", description = "One page of messages",
            content = @Content(schema = @Schema(implementation = MessagePage.class),
                    examples = @ExampleObject("{\"items\": [" + MESSAGE_EXAMPLE
                    + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}")))
    @ProblemResponses({"VALIDATION_FAILED", "ACCOUNT_NOT_FOUND"})
    @GetMapping
    MessagePage list(@PathVariable String accountId,
                     @Parameter(description = "From 0") @RequestParam(defaultValue = "0") int page,
                     @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw ValidationFailed.of("page", "must be 0 or more");
        }
        if (size < 1 || size > 100) {
            throw ValidationFailed.of("size", "must be between 1 and 100");
        }
        Page<Message> result = center.list(accountId, page, size);
        return new MessagePage(result.map(MessageView::of).getContent(), page, size, result.getTotalElements(),
                result.getTotalPages());
    }

    @Operation(operationId = "markMessageRead", summary = "Mark a message read")
    @ApiResponse(responseCode = "200", description = "The message, read",
            content = @Content(schema = @Schema(implementation = MessageView.class),
                    examples = @ExampleObject(MESSAGE_EXAMPLE)))
    @ProblemResponses({"ACCOUNT_NOT_FOUND", "MESSAGE_NOT_FOUND"})
    @PostMapping("/{messageId}/read")
    MessageView markRead(@PathVariable String accountId, @PathVariable String messageId) {
        return MessageView.of(center.markRead(accountId, messageId));
    }
}
