package com.nimbus.identity.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries, on threads of its own (not the engine's job executor, not a request's): decisions
 * only write their event in their own transaction and never wait for a target.
 * <p>
 * One thread claims due deliveries ({@link Deliveries#claim}) for as many sender threads as are free
 * ({@code identity.webhooks.delivery.threads}), at most {@code per-endpoint} in flight per subscription, so a slow
 * or dead endpoint holds at most that many threads while the others keep being served. Each sender signs, sends and
 * records the outcome: delivered, due again by the {@link RetrySchedule}, or FAILED after {@code retry-for} (logged,
 * counted, listed for operators at {@code /api/admin/webhook-deliveries}). It is woken when new deliveries commit and
 * when a sender finishes, and looks every {@code poll-interval} besides (retries, other nodes' events).
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Deliveries deliveries;
    private final WebhookSubscriptions subscriptions;
    private final WebhookSender sender;
    private final Clock clock;
    private final WebhookProperties.Delivery settings;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService loop;
    private volatile ExecutorService senders;

    WebhookDispatcher(Deliveries deliveries, WebhookSubscriptions subscriptions, WebhookSender sender, Clock clock,
                      WebhookProperties properties, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.clock = clock;
        this.settings = properties.delivery();
        this.schedule = new RetrySchedule(properties.retry(), () -> ThreadLocalRandom.current().nextDouble());
        // longer than any attempt can take (connect + answer, cut off by the sender), so that a row is claimed
        // again only when its node died during the attempt
        this.lease = properties.connectTimeout().plus(properties.answerTimeout()).multipliedBy(2).plusSeconds(30);
        this.delivered = attempts(meters, "delivered", "a 2xx answer");
        this.retried = attempts(meters, "retry", "failed, tried again later");
        this.failed = attempts(meters, "failed", "failed, and the last of the retry schedule: FAILED");
    }

    private static Counter attempts(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("identity.webhooks.attempts").tag("outcome", outcome)
                .description("Webhook delivery attempts: " + description).register(meters);
    }

    /** Looks for due deliveries now (new deliveries committed, a sender became free). */
    void wake() {
        ScheduledExecutorService running = loop;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakeQueued.set(false);
                    dispatch();
                });
            } catch (RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    private void dispatch() {
        ExecutorService pool = senders;
        if (pool == null) {
            return;
        }
        try {
            int free = settings.threads() - busy.get();
            if (free <= 0) {
                return;
            }
            Set<String> full = new HashSet<>();
            Map<String, Integer> room = new HashMap<>();
            inFlight.forEach((subscription, count) -> {
                int left = settings.perEndpoint() - count.get();
                if (left <= 0) {
                    full.add(subscription);
                } else {
                    room.put(subscription, left);
                }
            });
            List<Deliveries.Claimed> claimed = deliveries.claim(free, full, room, settings.perEndpoint(), lease);
            for (Deliveries.Claimed delivery : claimed) {
                busy.incrementAndGet();
                inFlight.computeIfAbsent(delivery.subscriptionId(), s -> new AtomicInteger()).incrementAndGet();
                try {
                    pool.execute(() -> attempt(delivery));
                } catch (RejectedExecutionException stopping) {
                    finished(delivery); // the lease runs out and another node (or this one, restarted) sends it
                }
            }
        } catch (RuntimeException e) {
            log.warn("Claiming webhook deliveries failed; trying again in {}: {}", settings.pollInterval(), e.toString());
        }
    }

    private void attempt(Deliveries.Claimed delivery) {
        try {
            Instant now = clock.instant();
            long timestamp = now.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", delivery.webhookId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", WebhookSecret.signatureHeader(delivery.webhookId(), timestamp,
                    delivery.body(), subscriptions.signingSecrets(delivery, now)));
            WebhookSender.Outcome outcome = sender.send(delivery.url(), headers, delivery.body());
            record(delivery, outcome);
        } catch (RuntimeException e) {
            log.warn("Webhook delivery {} could not be attempted; its lease runs out and it is tried again: {}",
                    delivery.id(), e.toString());
        } finally {
            finished(delivery);
            wake();
        }
    }

    private void record(Deliveries.Claimed delivery, WebhookSender.Outcome outcome) {
        Instant at = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (outcome.delivered()) {
            if (deliveries.delivered(delivery, at, outcome.answer())) {
                delivered.increment();
                log.debug("Webhook {} delivered to {} (attempt {}): {}", delivery.webhookId(), delivery.url(), attempts,
                        outcome.answer());
            }
            return;
        }
        Instant first = delivery.firstAttemptAt() == null ? at : delivery.firstAttemptAt();
        Optional<Instant> next = schedule.nextAttempt(attempts, first, at);
        if (!deliveries.failed(delivery, at, outcome.answer(), next.orElse(null))) {
            return;
        }
        if (next.isPresent()) {
            retried.increment();
            log.info("Webhook {} to {} failed (attempt {}): {}; next attempt at {}", delivery.webhookId(), delivery.url(),
                    attempts, outcome.answer(), next.get());
        } else {
            failed.increment();
            log.warn("Webhook {} to {} FAILED after {} attempts since {}: {}; an operator may redeliver it "
                    + "(POST /api/admin/webhook-deliveries/{}/redelivery)", delivery.webhookId(), delivery.url(),
                    attempts, first, outcome.answer(), delivery.id());
        }
    }

    private void finished(Deliveries.Claimed delivery) {
        busy.decrementAndGet();
        inFlight.computeIfPresent(delivery.subscriptionId(), (s, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Webhook delivery is off on this node (identity.webhooks.delivery.enabled=false)");
            return;
        }
        AtomicInteger numbers = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread thread = new Thread(r, "webhook-sender-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::dispatch, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        loop = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService runningLoop = loop;
        ExecutorService runningSenders = senders;
        loop = null;
        senders = null;
        if (runningLoop != null) {
            runningLoop.shutdownNow();
        }
        if (runningSenders != null) {
            runningSenders.shutdown();
            try {
                // an attempt ends within connect + answer timeout; what is cut off here is sent again after its lease
                if (!runningSenders.awaitTermination(20, TimeUnit.SECONDS)) {
                    runningSenders.shutdownNow();
                }
            } catch (InterruptedException e) {
                runningSenders.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
