package com.nimbus.identity.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbus.identity.vocabulary.AccountEvent;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The body of an event as webhooks deliver it and the feed lists it (Standard Webhooks' {@code type},
 * {@code timestamp}, {@code data}). Written once, when the event is recorded, and kept as text: every delivery and
 * every read of the feed carries the same bytes, which is what the signature covers.
 */
@JsonPropertyOrder({"type", "timestamp", "data"})
record EventBody(String type, String timestamp, Data data) {

    @JsonPropertyOrder({"accountId", "applicationId", "status", "reasons", "sequence"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(String accountId, String applicationId, String status, List<AccountEvent.Reason> reasons,
                long sequence) {
    }

    static EventBody of(AccountEvent event, long sequence) {
        return new EventBody(event.type().wireName(),
                DateTimeFormatter.ISO_INSTANT.format(event.occurredAt().truncatedTo(ChronoUnit.MILLIS)),
                new Data(event.accountId(), event.applicationId(), event.status(), event.reasons(), sequence));
    }

    String toJson(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event body cannot be written as JSON", e);
        }
    }
}
