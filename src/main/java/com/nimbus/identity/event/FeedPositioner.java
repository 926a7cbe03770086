package com.nimbus.identity.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed events their place ({@code position}) in the feed, one assigner at a time across every node.
 * <p>
 * Why not the event's own id: ids (and sequences) are taken when a transaction inserts, but transactions commit in
 * another order, so a reader that has seen id 12 may later meet id 11 committing: it would miss it. Positions are
 * handed out only to events already committed, by a transaction that first locks the single row of
 * {@code event_feed} ({@code for update skip locked}: a node that finds it locked leaves the work to the holder and
 * comes back later). Positions are consecutive, and a run's positions commit together after every earlier run's, so
 * the positions a reader can see are always 1..N without a hole: {@code after=X} never skips an event.
 * <p>
 * The {@link EventsPositioned} of a run is published inside its transaction (the webhook fan-out writes there).
 */
@Component
public class FeedPositioner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedPositioner.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher publisher;
    private final EventFeedProperties properties;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    FeedPositioner(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher publisher,
                   EventFeedProperties properties) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Places what is waiting, soon, on the assigner's thread (called after a transaction recorded events). */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakeQueued.set(false);
                    positionAll();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    /** Places every committed event without a place, batch by batch; returns how many were placed. */
    public int positionAll() {
        int total = 0;
        try {
            int placed;
            do {
                placed = positionBatch();
                total += placed;
            } while (placed == properties.positionBatch());
        } catch (RuntimeException e) {
            log.warn("Placing events in the feed failed; trying again in {}: {}", properties.positionInterval(),
                    e.toString());
        }
        return total;
    }

    /** One run: at most one batch, in one transaction; 0 when there is nothing to place or another node is at it. */
    int positionBatch() {
        if (jdbc.queryForList("select id from account_event where position is null limit 1", Long.class).isEmpty()) {
            return 0; // nothing waits: no need to take the assigner's lock
        }
        Integer placed = tx.execute(status -> {
            List<Long> last = jdbc.queryForList(
                    "select last_position from event_feed where id = 1 for update skip locked", Long.class);
            if (last.isEmpty()) {
                return 0;
            }
            List<FeedEvent> waiting = jdbc.query(
                    "select id, event_id, type from account_event where position is null order by id limit ?",
                    (rs, row) -> new FeedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), 0),
                    properties.positionBatch());
            if (waiting.isEmpty()) {
                return 0;
            }
            long position = last.get(0);
            List<FeedEvent> placedEvents = new ArrayList<>(waiting.size());
            List<Object[]> updates = new ArrayList<>(waiting.size());
            for (FeedEvent event : waiting) {
                position++;
                placedEvents.add(new FeedEvent(event.id(), event.eventId(), event.type(), position));
                updates.add(new Object[] {position, event.id()});
            }
            jdbc.batchUpdate("update account_event set position = ? where id = ?", updates);
            jdbc.update("update event_feed set last_position = ? where id = 1", position);
            publisher.publishEvent(new EventsPositioned(placedEvents));
            return placedEvents.size();
        });
        return placed == null ? 0 : placed;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "event-feed-positioner");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.positionInterval().toMillis();
        started.scheduleWithFixedDelay(this::positionAll, 0, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
