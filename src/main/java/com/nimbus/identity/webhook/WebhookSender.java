package com.nimbus.identity.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one webhook request and says how it went. Apache HttpClient 5 with: name resolution through
 * {@link GuardedDnsResolver} (the target rules on the connection actually made), no redirects (a 3xx is a failed
 * attempt), no retries of its own, no cookies, no proxy, {@code connect-timeout} to connect, {@code answer-timeout}
 * between bytes of the answer and, over all, {@code connect-timeout + answer-timeout} for the whole attempt (a
 * target that trickles its answer is cut off too). Of the answer's body at most {@code max-answer-bytes} are read;
 * a longer one is cut and the connection dropped instead of being drained.
 */
@Component
class WebhookSender implements DisposableBean {

    /** How an attempt went: delivered (a 2xx), and a short account of the answer or failure for operators. */
    record Outcome(boolean delivered, Integer status, String answer) {

        static Outcome failed(String why) {
            return new Outcome(false, null, shorten(why));
        }
    }

    static final int MAX_ANSWER_TEXT = 500;

    private final TargetPolicy policy;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final long deadlineMillis;
    private final int maxAnswerBytes;

    WebhookSender(TargetPolicy policy, WebhookProperties properties) {
        this.policy = policy;
        this.maxAnswerBytes = properties.maxAnswerBytes();
        this.deadlineMillis = properties.connectTimeout().plus(properties.answerTimeout()).toMillis();
        int threads = properties.delivery().threads();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(policy))
                        .setMaxConnTotal(threads)
                        .setMaxConnPerRoute(properties.delivery().perEndpoint())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.answerTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
                        .setResponseTimeout(Timeout.of(properties.answerTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("nimbus-identity-webhooks/1")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** POSTs {@code body} (JSON) with {@code headers} to {@code url}, checked against the target rules first. */
    Outcome send(String url, Map<String, String> headers, String body) {
        Optional<String> refused = policy.formRefusal(url);
        if (refused.isPresent()) {
            return Outcome.failed("refused: the URL " + refused.get());
        }
        HttpPost post = new HttpPost(URI.create(url.strip()));
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut.set(true);
            post.cancel();
        }, deadlineMillis, TimeUnit.MILLISECONDS);
        CloseableHttpResponse response = null;
        try {
            response = client.execute(post);
            int status = response.getCode();
            String answer = readAnswer(response, post);
            return new Outcome(status >= 200 && status < 300, status, shorten("HTTP " + status + answer));
        } catch (IOException | RuntimeException e) {
            if (timedOut.get()) {
                return Outcome.failed("no answer within " + deadlineMillis + " ms");
            }
            return Outcome.failed(describe(e));
        } finally {
            deadline.cancel(false);
            closeQuietly(response, post);
        }
    }

    /**
     * At most {@code max-answer-bytes} of the body, for operators. The status decides the outcome: a body that is
     * longer, slow or broken is cut off (its connection dropped rather than drained) and said so.
     */
    private String readAnswer(CloseableHttpResponse response, HttpPost post) {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return "";
        }
        byte[] read;
        try {
            InputStream in = entity.getContent();
            read = in.readNBytes(maxAnswerBytes + 1);
        } catch (IOException | RuntimeException e) {
            post.cancel();
            return " (answer not read: " + describe(e) + ")";
        }
        boolean cut = read.length > maxAnswerBytes;
        if (cut) {
            post.cancel();
            read = Arrays.copyOf(read, maxAnswerBytes);
        }
        String text = new String(read, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return (text.isEmpty() ? "" : ": " + text) + (cut ? " (cut)" : "");
    }

    /** Closes without draining what is left: a request cancelled before has no connection left to drain. */
    private static void closeQuietly(CloseableHttpResponse response, HttpPost post) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            post.cancel();
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (cause != e && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + " (" + cause.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ANSWER_TEXT ? text : text.substring(0, MAX_ANSWER_TEXT - 1) + "…";
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
