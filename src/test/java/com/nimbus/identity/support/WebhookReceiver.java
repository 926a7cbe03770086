package com.nimbus.identity.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A real HTTP receiver of webhooks (the JDK's HTTP server on 127.0.0.1), as a client of the product would build one:
 * it checks every request with {@link StandardWebhooksVerifier} against the secrets it was given and processes each
 * {@code webhook-id} once, dropping repeats. What it answers is set per test: 204, a failure for the first requests,
 * or no answer at all (it holds the request until {@link #release()}).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived, and whether its signature verified. */
    public record Request(String webhookId, String timestamp, String signature, String body, boolean verified,
                          int answered) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String type() {
            return json().get("type").asText();
        }

        public String accountId() {
            return json().at("/data/accountId").asText();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Request> processed = new LinkedHashMap<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final Supplier<Instant> clock;
    private volatile int failureStatus = 503;
    private volatile boolean processFailed;
    private volatile CountDownLatch hang;

    private WebhookReceiver(Supplier<Instant> clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A receiver whose clock is the engine's, which the product stamps its webhooks with. */
    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver(() -> ClockUtil.getCurrentTime().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** A secret that signs (the subscription's, as shown once); several while a rotation overlaps. */
    public WebhookReceiver trust(String secret) {
        secrets.add(secret);
        return this;
    }

    public WebhookReceiver distrustAll() {
        secrets.clear();
        return this;
    }

    /**
     * Answers {@code status} to the next {@code count} requests; when {@code processed}, it processes them first (a
     * receiver that stored the event but failed before answering, so the repeat must be dropped).
     */
    public WebhookReceiver failNext(int count, int status, boolean processed) {
        this.failureStatus = status;
        this.processFailed = processed;
        failuresLeft.set(count);
        return this;
    }

    /** Holds every request from now on without answering, until {@link #release()}. */
    public WebhookReceiver hang() {
        hang = new CountDownLatch(1);
        return this;
    }

    public void release() {
        CountDownLatch latch = hang;
        hang = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Requests held without an answer right now. */
    public int held() {
        return held.get();
    }

    /** Every request received, repeats included. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsOf(String accountId) {
        return requests.stream().filter(r -> accountId.equals(r.accountId())).toList();
    }

    /** The events processed, each webhook-id once, in the order first processed. */
    public synchronized List<Request> processed() {
        return new ArrayList<>(processed.values());
    }

    public List<Request> processedOf(String accountId) {
        return processed().stream().filter(r -> accountId.equals(r.accountId())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean verified = StandardWebhooksVerifier.verify(secrets, id, timestamp, body, signature, clock.get());
            CountDownLatch latch = hang;
            if (latch != null) {
                held.incrementAndGet();
                try {
                    latch.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
            int status;
            if (!verified) {
                status = 401;
            } else if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = failureStatus;
                if (processFailed) {
                    process(id, timestamp, signature, body, status);
                }
            } else {
                status = 204;
                process(id, timestamp, signature, body, status);
            }
            requests.add(new Request(id, timestamp, signature, body, verified, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private synchronized void process(String id, String timestamp, String signature, String body, int status) {
        processed.putIfAbsent(id, new Request(id, timestamp, signature, body, true, status));
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
