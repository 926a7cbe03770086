package com.nimbus.identity.event;

import java.util.List;

/**
 * Published (synchronously) inside the transaction that gave these events their places in the feed, in feed order:
 * a listener that writes in it (the webhook fan-out) commits, or rolls back, together with the positions.
 */
public record EventsPositioned(List<FeedEvent> events) {

    public EventsPositioned {
        events = List.copyOf(events);
    }
}
