package com.nimbus.identity.event;

/**
 * An event that has its place in the feed.
 *
 * @param id       the row's id in {@code account_event}
 * @param eventId  the public id ({@code webhook-id})
 * @param type     the type's wire name, e.g. {@code application.approved}
 * @param position its place in the feed
 */
public record FeedEvent(long id, String eventId, String type, long position) {
}
