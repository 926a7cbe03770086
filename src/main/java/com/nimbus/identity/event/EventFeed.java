package com.nimbus.identity.event;

import com.nimbus.identity.vocabulary.FieldError;
import com.nimbus.identity.vocabulary.ValidationFailed;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /api/events}: every event in the order of the feed (see {@link FeedPositioner}), with the bodies
 * webhooks carry, for a receiver that was down or prefers to poll. The cursor is the position of the last event read;
 * a client stores {@code next} and passes it as {@code after} next time.
 */
@Service
public class EventFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** A page of the feed: the bodies in order and the cursor to read on from (the same cursor when empty). */
    public record Page(List<String> bodies, String next) {
    }

    private final JdbcTemplate jdbc;

    public EventFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The events after {@code after} (empty or absent: from the start), at most {@code limit} (absent: 100).
     *
     * @throws ValidationFailed for a cursor that is not one this feed gave, or a limit outside 1..1000
     */
    @Transactional(readOnly = true)
    public Page read(String after, String limit) {
        List<FieldError> errors = new ArrayList<>();
        long cursor = parseCursor(after, errors);
        int size = parseLimit(limit, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        List<String> bodies = new ArrayList<>();
        long[] last = {cursor};
        jdbc.query("select position, body from account_event where position > ? order by position limit ?",
                rs -> {
                    last[0] = rs.getLong(1);
                    bodies.add(rs.getString(2));
                }, cursor, size);
        return new Page(bodies, Long.toString(last[0]));
    }

    private static long parseCursor(String after, List<FieldError> errors) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        if (!after.strip().matches("\\d{1,18}")) {
            errors.add(new FieldError("after", "must be a cursor this feed returned in next (digits), or empty"));
            return 0;
        }
        return Long.parseLong(after.strip());
    }

    private static int parseLimit(String limit, List<FieldError> errors) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!limit.strip().matches("\\d{1,4}") || Integer.parseInt(limit.strip()) < 1
                || Integer.parseInt(limit.strip()) > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            return DEFAULT_LIMIT;
        }
        return Integer.parseInt(limit.strip());
    }
}
