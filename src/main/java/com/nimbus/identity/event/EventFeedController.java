package com.nimbus.identity.event;

import com.fasterxml.jackson.databind.util.RawValue;
import com.nimbus.identity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
@Tag(name = "Events", description = "Every event of every account, in order, with the bodies webhooks carry")
class EventFeedController {

    private final EventFeed feed;

    EventFeedController(EventFeed feed) {
        this.feed = feed;
    }

    /** The bodies as they were recorded, byte for byte, inside the page. */
    record EventPage(
            @ArraySchema(schema = @Schema(ref = "#/components/schemas/Event")) List<RawValue> items,
            @Schema(description = "Pass as `after` to read on; the same cursor again when there was nothing new",
                    example = "1042") String next) {
    }

    @Operation(operationId = "readEvents", summary = "The event feed, in order",
            description = "Every event of every account in the order of the feed, the same bodies webhooks deliver. A "
                    + "receiver that was down reads from the last `next` it stored and misses nothing: an event gets "
                    + "its place only once it has committed, and places are handed out one after the other, so a "
                    + "later read never finds an event before a cursor it was given. `data.sequence` numbers the "
                    + "events of one account from 1 without gaps: with `data.accountId` it names an event across the "
                    + "feed and webhooks, so a receiver that uses both drops what it has already seen.")
    @ApiResponse(responseCode = "200", description = "The next events (none when the feed has nothing newer)",
            content = @Content(schema = @Schema(implementation = EventPage.class), examples = @ExampleObject("""
                    {"items": [{"type": "application.approved", "timestamp": "2025-07-02T10:15:00Z",
                      "data": {"accountId": "3f1c9a52-7d4e-4b8a-9c61-0e2f5d7a8b90",
                               "applicationId": "9b2e4c10-5a7f-4d3e-8f21-6c0a1b2d3e4f", "status": "APPROVED",
                               "reasons": [], "sequence": 3}},
                     {"type": "verification.changed", "timestamp": "2025-07-02T10:15:00Z",
                      "data": {"accountId": "3f1c9a52-7d4e-4b8a-9c61-0e2f5d7a8b90",
                               "applicationId": "9b2e4c10-5a7f-4d3e-8f21-6c0a1b2d3e4f", "status": "VERIFIED",
                               "reasons": [], "sequence": 4}}],
                     "next": "1042"}""")))
    @ProblemResponses("VALIDATION_FAILED")
    @GetMapping
    EventPage read(@Parameter(description = "The cursor: `next` of the previous page; empty or absent for the start",
                           schema = @Schema(type = "string", example = "1040"))
                   @RequestParam(required = false) String after,
                   @Parameter(description = "At most this many events (1 to 1000, default 100)",
                           schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                   @RequestParam(required = false) String limit) {
        EventFeed.Page page = feed.read(after, limit);
        return new EventPage(page.bodies().stream().map(RawValue::new).toList(), page.next());
    }
}
