package com.nimbus.identity.notification;

import com.nimbus.identity.vocabulary.ValidationFailed;
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
class MessageController {

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
    @GetMapping
    MessagePage list(@PathVariable String accountId, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "20") int size) {
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

    @PostMapping("/{messageId}/read")
    MessageView markRead(@PathVariable String accountId, @PathVariable String messageId) {
        return MessageView.of(center.markRead(accountId, messageId));
    }
}
