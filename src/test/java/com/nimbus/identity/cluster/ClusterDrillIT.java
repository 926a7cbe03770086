package com.nimbus.identity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.Fixtures;
import com.nimbus.identity.support.TestIdentities;
import com.nimbus.identity.support.TestImages;
import com.nimbus.identity.support.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drills of "Running several nodes" (README): two nodes of the packaged jar, each a JVM of its own on a loopback
 * port, on a PostgreSQL cluster of the drill's own, started at the same moment on its empty database. Applications
 * (system property {@code drill.applications}, 1,000 unless the build says fewer) are submitted round-robin with an
 * {@code Idempotency-Key}, retried by the client on another node when a node does not answer; one node is killed with
 * kill -9 a third of the way through and started again 10 s later; PostgreSQL is restarted two thirds of the way
 * through. Reviewers then approve through {@code /engine-rest} of both nodes, the change-lock timers are made due, and
 * two enterprise re-check sweeps are started on both nodes at the same moment. Counted: outcomes, duplicates (emails
 * caught by an SMTP sink of the drill, SMS outbox rows, revocations), lost applications, times to recover; written to
 * {@code target/drills/report.md}.
 */
class ClusterDrillIT {

    private static final int APPLICATIONS = Integer.getInteger("drill.applications", 1000);
    private static final Path REPORT_DIR = Path.of("target", "drills");
    private static final String PASSWORD = "drill-password-2024";

    private static OwnPostgres postgres;
    private static GreenMail smtp;
    private static Path documents;
    private static WebhookReceiver webhooks;
    private static final List<Node> nodes = new ArrayList<>();

    private final AtomicInteger unavailable503 = new AtomicInteger();
    private final AtomicInteger unavailableWithoutProblem = new AtomicInteger();
    private final AtomicInteger otherServerErrors = new AtomicInteger();
    private final AtomicInteger connectionRefused = new AtomicInteger();
    private final AtomicLong firstAcceptedAfterDatabase = new AtomicLong();
    private volatile long databaseBackAt;

    @BeforeAll
    static void cluster() throws Exception {
        postgres = new OwnPostgres();
        postgres.createDatabase("identity");
        smtp = new GreenMail(new ServerSetup(OwnPostgres.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        documents = Files.createTempDirectory("drill-documents");
        webhooks = WebhookReceiver.start();
        for (String name : List.of("node-a", "node-b")) {
            int port = OwnPostgres.freePort();
            nodes.add(new Node(name, port, List.of(
                    "--spring.datasource.url=" + postgres.jdbcUrl("identity"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                    "--identity.documents.store.directory=" + documents,
                    "--identity.public-base-url=http://127.0.0.1:" + port,
                    "--identity.demo-data.enabled=false",
                    // a job of a node that died is taken over by the other after this
                    "--camunda.bpm.job-execution.lock-time-in-millis=30000",
                    "--camunda.bpm.job-execution.wait-time-in-millis=1000",
                    "--camunda.bpm.webapp.enabled=false",
                    "--logging.level.root=WARN", "--logging.level.com.nimbus=INFO"), REPORT_DIR));
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Node node : nodes) {
            node.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoNodesACrashAndADatabaseRestartLoseNothingAndDoNothingTwice() throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        // two nodes at the same moment on an empty database: both come up, the engine's schema made once
        for (Node node : nodes) {
            node.start();
        }
        for (Node node : nodes) {
            node.awaitUp(Duration.ofMinutes(5));
        }
        figures.put("first start of both nodes together on an empty database (both up)",
                seconds(Duration.ofNanos(System.nanoTime() - t0)));
        assertThat(queryInt("select count(*) from databasechangelog where id = '7.16.0-baseline'")).isEqualTo(1);
        users();
        ApiClient.Response subscribed = console(nodes.get(0)).postJson("/api/webhook-subscriptions", """
                {"url": "%s", "events": ["application.approved", "verification.changed"]}""".formatted(webhooks.url()));
        assertThat(subscribed.status()).isEqualTo(201);
        webhooks.trust(subscribed.json().get("secret").asText());

        // the load, with a kill -9 and a database restart in it
        Map<String, String> applicationOfAccount = new LinkedHashMap<>();
        CompletableFuture<Duration> crash = null;
        CompletableFuture<Duration> databaseRestart = null;
        long loadStart = System.nanoTime();
        for (int i = 0; i < APPLICATIONS; i++) {
            if (i == APPLICATIONS / 3) {
                crash = CompletableFuture.supplyAsync(this::killAndRestartNodeB);
            }
            if (i == 2 * APPLICATIONS / 3) {
                crash.join();
                databaseRestart = CompletableFuture.supplyAsync(this::restartDatabase);
            }
            int index = i;
            String account = withRetry(i, client -> client.postJson("/api/accounts", """
                    {"email":"holder-%d@drill.example","phone":"+8613%09d","registrationRegion":"CN"}""".formatted(index, index)),
                    201).json().get("accountId").asText();
            String json = Fixtures.individualJson(TestIdentities.cnResidentId());
            // each holder's own document photo: one photo sent by every account would ask a second reviewer each time
            byte[] photo = TestImages.documentPng();
            ApiClient.Response accepted = withRetry(i, client -> client.submit(account, json, photo, "id.png"), 202);
            applicationOfAccount.put(account, accepted.json().get("applicationId").asText());
            if (i == 1) {
                // a client unsure its request arrived sends it again, to the other node, with the same key: one application
                String key = UUID.randomUUID().toString();
                String second = withRetry(0, client -> client.withHeader("Idempotency-Key", key)
                        .postJson("/api/accounts", "{\"email\":\"twice@drill.example\",\"phone\":\"+8613900000001\",\"registrationRegion\":\"CN\"}"), 201)
                        .json().get("accountId").asText();
                String again = console(nodes.get(1)).withHeader("Idempotency-Key", key)
                        .postJson("/api/accounts", "{\"email\":\"twice@drill.example\",\"phone\":\"+8613900000001\",\"registrationRegion\":\"CN\"}")
                        .json().get("accountId").asText();
                assertThat(again).isEqualTo(second);
            }
        }
        Duration nodeRecovery = crash.join();
        Duration databaseRecovery = databaseRestart == null ? Duration.ZERO : databaseRestart.join();
        figures.put("load (accounts + applications submitted)", seconds(Duration.ofNanos(System.nanoTime() - loadStart)));

        // every accepted application reaches review (or an automated outcome)
        long reviewWait = System.nanoTime();
        awaitEvery(applicationOfAccount, Duration.ofSeconds(90 + APPLICATIONS), status -> !status.equals("SUBMITTED"));
        figures.put("last application in review after the load", seconds(Duration.ofNanos(System.nanoTime() - reviewWait)));

        // reviewers approve through /engine-rest of both nodes
        int n = 0;
        for (String applicationId : applicationOfAccount.values()) {
            ApiClient alice = ApiClient.as(nodes.get(n++ % 2).port(), "alice", PASSWORD);
            JsonNode tasks = alice.get("/engine-rest/task?processInstanceBusinessKey=" + applicationId).json();
            if (tasks.isEmpty()) {
                continue;
            }
            String task = tasks.get(0).get("id").asText();
            assertThat(alice.postJson("/engine-rest/task/" + task + "/claim", "{\"userId\":\"alice\"}").status()).isEqualTo(204);
            assertThat(alice.postJson("/engine-rest/task/" + task + "/complete",
                    "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}").status()).isEqualTo(204);
        }
        awaitEvery(applicationOfAccount, Duration.ofSeconds(90 + APPLICATIONS),
                status -> status.equals("APPROVED") || status.equals("REJECTED"));
        Map<String, Integer> outcomes = new HashMap<>();
        for (String applicationId : applicationOfAccount.values()) {
            outcomes.merge(status(applicationId), 1, Integer::sum);
        }
        int approved = outcomes.getOrDefault("APPROVED", 0);

        // the change-lock timers moved to fire now: each fires once
        awaitTrue(Duration.ofSeconds(60), () -> queryInt("select count(*) from act_ru_execution where act_id_ = "
                + "'Event_ChangeLockExpires'") == approved);
        execute("update act_ru_job set duedate_ = now() - interval '1 second' where execution_id_ in "
                + "(select id_ from act_ru_execution where act_id_ = 'Event_ChangeLockExpires')");
        awaitTrue(Duration.ofSeconds(60 + APPLICATIONS), () -> queryInt("select count(*) from act_ru_execution "
                + "where act_id_ = 'Event_ChangeLockExpires'") == 0);
        int timersFired = queryInt("select count(*) from act_hi_actinst where act_id_ = 'Event_ChangeLockExpires' "
                + "and end_time_ is not null");

        // two re-check sweeps started at the same moment, one on each node
        List<CompletableFuture<Integer>> sweeps = nodes.stream().map(node -> CompletableFuture.supplyAsync(() ->
                ApiClient.as(node.port(), "owen", PASSWORD).postJson("/api/enterprise-rechecks", "{}").status())).toList();
        sweeps.forEach(s -> assertThat(s.join()).isEqualTo(202));
        awaitTrue(Duration.ofSeconds(120), () -> queryInt("select count(*) from act_ru_execution e join act_re_procdef d "
                + "on d.id_ = e.proc_def_id_ where d.key_ = 'enterprise-recheck'") == 0);

        // what came out
        Map<String, Integer> emailsPerMessageId = new HashMap<>();
        Map<String, Integer> emailsPerHolderAndSubject = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            emailsPerMessageId.merge(message.getMessageID(), 1, Integer::sum);
            emailsPerHolderAndSubject.merge(String.join(",", List.of(message.getHeader("To"))) + "|" + message.getSubject(), 1,
                    Integer::sum);
        }
        int emails = smtp.getReceivedMessages().length;
        int duplicateEmails = emails - emailsPerHolderAndSubject.size();
        int sms = queryInt("select count(*) from sms_outbox");
        int duplicateSms = sms - queryInt("select count(*) from (select distinct phone, body from sms_outbox) s");
        // webhook deliveries: one per event; a delivery sent again keeps its webhook-id, so a receiver sees it once
        awaitTrue(Duration.ofSeconds(120), () -> webhooks.requests().stream().map(WebhookReceiver.Request::webhookId)
                .distinct().count() >= 2L * approved);
        List<WebhookReceiver.Request> deliveries = webhooks.requests().stream().filter(WebhookReceiver.Request::verified)
                .toList();
        long distinctWebhookIds = deliveries.stream().map(WebhookReceiver.Request::webhookId).distinct().count();
        long distinctEvents = deliveries.stream().map(r -> r.accountId() + "|" + r.type()).distinct().count();
        int revocations = queryInt("select count(*) from account_event where type = 'VERIFICATION_REVOKED'");
        int applicationsInDatabase = queryInt("select count(*) from verification_application");
        int lost = APPLICATIONS - applicationsInDatabase
                + (int) applicationOfAccount.values().stream().filter(id -> !List.of("APPROVED", "REJECTED")
                .contains(status(id))).count();

        figures.put("applications", String.valueOf(APPLICATIONS));
        figures.put("nodes", "2");
        figures.put("kills (kill -9, restarted after 10 s)", "1");
        figures.put("database restarts", "1");
        figures.put("outcomes", outcomes.toString());
        figures.put("change-lock timers fired / approved", timersFired + " / " + approved);
        figures.put("emails / duplicates (same holder and subject) / repeated Message-ID",
                emails + " / " + duplicateEmails + " / " + (emails - emailsPerMessageId.size()));
        figures.put("SMS / duplicates", sms + " / " + duplicateSms);
        figures.put("webhook deliveries / distinct webhook-id / distinct (account, event type)",
                deliveries.size() + " / " + distinctWebhookIds + " / " + distinctEvents);
        figures.put("revocations (two sweeps at once)", String.valueOf(revocations));
        figures.put("applications per account (Idempotency-Key retries)", applicationsInDatabase + " for " + APPLICATIONS);
        figures.put("lost", String.valueOf(lost));
        figures.put("503 answers during the database restart (problem+json SERVICE_UNAVAILABLE)",
                unavailable503.get() + " (without problem body: " + unavailableWithoutProblem.get() + ")");
        figures.put("refused connections during the kill", String.valueOf(connectionRefused.get()));
        figures.put("other 5xx answers", String.valueOf(otherServerErrors.get()));
        figures.put("killed node up again after its restart", seconds(nodeRecovery));
        figures.put("first submission accepted after the database was back", seconds(databaseRecovery.isZero()
                ? Duration.ZERO : Duration.ofMillis(Math.max(0, firstAcceptedAfterDatabase.get() - databaseBackAt))));
        figures.put("whole drill", seconds(Duration.ofNanos(System.nanoTime() - t0)));
        writeReport(figures);

        assertThat(lost).isZero();
        assertThat(applicationsInDatabase).isEqualTo(APPLICATIONS);
        assertThat(duplicateEmails).isZero();
        assertThat(emails - emailsPerMessageId.size()).isZero();
        assertThat(duplicateSms).isZero();
        assertThat(distinctEvents).as("one approval and one verification change per account").isEqualTo(2L * approved);
        assertThat(distinctWebhookIds).isEqualTo(distinctEvents);
        assertThat(revocations).isZero();
        assertThat(timersFired).isEqualTo(approved);
        assertThat(unavailableWithoutProblem.get()).isZero();
        assertThat(otherServerErrors.get()).isZero();
    }

    private Duration killAndRestartNodeB() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(2000));
            nodes.get(1).kill();
            Thread.sleep(10_000);
            nodes.get(1).start();
            return nodes.get(1).awaitUp(Duration.ofMinutes(5));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Duration restartDatabase() {
        try {
            long start = System.nanoTime();
            postgres.stop();
            Thread.sleep(5_000);
            postgres.start();
            databaseBackAt = System.currentTimeMillis();
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client of the console: one Idempotency-Key per request, sent again (to the other node too) until answered. */
    private ApiClient.Response withRetry(int i, java.util.function.Function<ApiClient, ApiClient.Response> request,
                                         int expected) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            Node node = nodes.get((i + attempt) % 2);
            try {
                ApiClient.Response response = request.apply(console(node).withHeader("Idempotency-Key", key));
                if (response.status() == expected) {
                    if (databaseBackAt > 0 && firstAcceptedAfterDatabase.get() == 0) {
                        firstAcceptedAfterDatabase.set(System.currentTimeMillis());
                    }
                    return response;
                }
                if (response.status() == 503) {
                    unavailable503.incrementAndGet();
                    if (!"application/problem+json".equals(response.contentType())
                            || !"SERVICE_UNAVAILABLE".equals(response.json().path("code").asText())) {
                        unavailableWithoutProblem.incrementAndGet();
                    }
                } else if (response.status() >= 500) {
                    otherServerErrors.incrementAndGet();
                } else {
                    throw new AssertionError("answered " + response.status() + ": " + response.text());
                }
            } catch (java.io.UncheckedIOException down) {
                connectionRefused.incrementAndGet();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("request " + i + " not accepted within 3 minutes");
    }

    private static ApiClient console(Node node) {
        return ApiClient.as(node.port(), "console", PASSWORD);
    }

    private static void users() {
        ApiClient admin = ApiClient.as(nodes.get(0).port(), "demo", "demo");
        for (String[] user : List.of(new String[] {"console", "api-clients"}, new String[] {"alice", "identity-reviewers"},
                new String[] {"owen", "process-owners"})) {
            assertThat(admin.postJson("/engine-rest/user/create", """
                    {"profile": {"id": "%s", "firstName": "%s", "lastName": "Drill", "email": "%s@drill.example"},
                     "credentials": {"password": "%s"}}""".formatted(user[0], user[0], user[0], PASSWORD)).status())
                    .isEqualTo(204);
            assertThat(admin.send("PUT", "/engine-rest/group/" + user[1] + "/members/" + user[0], null, null).status())
                    .isEqualTo(204);
        }
    }

    private String status(String applicationId) {
        try (Connection c = connection(); ResultSet r = c.createStatement().executeQuery(
                "select status from verification_application where id = '" + applicationId + "'")) {
            return r.next() ? r.getString(1) : "MISSING";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitEvery(Map<String, String> applications, Duration atMost,
                            java.util.function.Predicate<String> reached) throws InterruptedException {
        awaitTrue(atMost, () -> applications.values().stream().allMatch(id -> reached.test(status(id))));
    }

    private static void awaitTrue(Duration atMost, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + atMost);
            }
            Thread.sleep(1000);
        }
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("identity"), "postgres", "");
    }

    private static int queryInt(String sql) {
        try (Connection c = connection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = connection()) {
            c.createStatement().execute(sql);
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void writeReport(Map<String, String> figures) throws Exception {
        StringBuilder report = new StringBuilder("# Cluster drill\n\n| figure | value |\n|---|---|\n");
        figures.forEach((k, v) -> report.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Files.createDirectories(REPORT_DIR);
        Files.writeString(REPORT_DIR.resolve("report.md"), report.toString());
    }
}
