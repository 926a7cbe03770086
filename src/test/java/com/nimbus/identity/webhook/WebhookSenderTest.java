package com.nimbus.identity.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbus.identity.support.Settings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One webhook request against real local HTTP servers: what counts as delivered, and what the client refuses to do. */
class WebhookSenderTest {

    private static final Map<String, String> HEADERS = Map.of("webhook-id", "evt_1", "webhook-timestamp", "1751360400",
            "webhook-signature", "v1,abc=");
    private static final String BODY = "{\"type\":\"application.approved\"}";

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger redirected = new AtomicInteger();
    private final CountDownLatch endlessAnswerCut = new CountDownLatch(1);
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        + " " + exchange.getRequestHeaders().getFirst("webhook-id"));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.createContext("/moved", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
                exchange.sendResponseHeaders(307, -1);
            }
        });
        server.createContext("/elsewhere", exchange -> {
            try (exchange) {
                redirected.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException dropped) {
                endlessAnswerCut.countDown();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(0);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private WebhookSender sender(TargetPolicy policy, String... settings) {
        WebhookSender sender = new WebhookSender(policy, Settings.bound(WebhookProperties.class, settings));
        closing.add(sender::destroy);
        return sender;
    }

    private WebhookSender embedded() {
        return sender(new TargetPolicy(false, false, List.of()));
    }

    @Test
    void a2xxAnswerIsDeliveredWithTheBodyAndHeadersAsGiven() {
        WebhookSender.Outcome outcome = embedded().send(url("/hooks"), HEADERS, BODY);

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(bodies).containsExactly(BODY + " evt_1");
    }

    @Test
    void aRedirectIsNotFollowedAndIsAFailedAttempt() {
        WebhookSender.Outcome outcome = embedded().send(url("/moved"), HEADERS, BODY);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.answer()).startsWith("HTTP 307");
        assertThat(redirected).hasValue(0);
    }

    @Test
    void whereLoopbackIsRefusedNoConnectionIsMadeWhateverTheNameOrAddress() {
        WebhookSender guarded = sender(new TargetPolicy(false, true, List.of()));
        int port = server.getAddress().getPort();
        for (String url : List.of(url("/hooks"), "http://localhost:" + port + "/hooks", "http://[::ffff:127.0.0.1]:" + port + "/hooks")) {
            WebhookSender.Outcome outcome = guarded.send(url, HEADERS, BODY);
            assertThat(outcome.delivered()).as(url).isFalse();
            assertThat(outcome.answer()).as(url).contains("refused");
        }
        assertThat(bodies).isEmpty();
    }

    @Test
    void anAllowedHostIsReachedOnAPrivateAddress() {
        WebhookSender guarded = sender(new TargetPolicy(false, true, List.of("localhost")));
        WebhookSender.Outcome outcome = guarded.send("http://localhost:" + server.getAddress().getPort() + "/hooks",
                HEADERS, BODY);
        assertThat(outcome.delivered()).as(outcome.answer()).isTrue();
        assertThat(bodies).hasSize(1);
    }

    @Test
    void httpsOnlyRefusesHttpBeforeConnecting() {
        WebhookSender.Outcome outcome = sender(new TargetPolicy(true, false, List.of())).send(url("/hooks"), HEADERS, BODY);
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.answer()).contains("must use https");
        assertThat(bodies).isEmpty();
    }

    @Test
    void ofAnEndlessAnswerAFewKilobytesAreReadAndTheConnectionDropped() throws InterruptedException {
        WebhookSender.Outcome outcome = embedded().send(url("/endless"), HEADERS, BODY);

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.answer()).startsWith("HTTP 200: xxxx").endsWith("…")
                .hasSize(WebhookSender.MAX_ANSWER_TEXT);
        assertThat(endlessAnswerCut.await(30, TimeUnit.SECONDS)).as("the server saw its answer cut off").isTrue();
    }

    @Test
    void aTargetThatAnswersTooSlowlyIsCutOffAtTheDeadline() throws Exception {
        ServerSocket trickling = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
        closing.add(trickling);
        Thread thread = new Thread(() -> {
            try (Socket socket = trickling.accept(); OutputStream out = socket.getOutputStream()) {
                out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 600; i++) { // a header byte every 300 ms: no read ever waits a whole second
                    out.write('X');
                    out.flush();
                    Thread.sleep(300);
                }
            } catch (IOException | InterruptedException ignored) {
                // cut off by the client
            }
        });
        thread.setDaemon(true);
        thread.start();
        WebhookSender sender = sender(new TargetPolicy(false, false, List.of()),
                "identity.webhooks.connect-timeout=1s", "identity.webhooks.answer-timeout=1s");

        WebhookSender.Outcome outcome = sender.send("http://127.0.0.1:" + trickling.getLocalPort() + "/hooks", HEADERS, BODY);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.answer()).isEqualTo("no answer within 2000 ms");
        await().atMost(Duration.ofSeconds(30)).until(() -> !thread.isAlive());
    }
}
