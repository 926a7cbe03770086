package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.document.DocumentType;
import com.nimbus.identity.quota.QuotaService;
import com.nimbus.identity.security.FieldCipher;
import com.nimbus.identity.support.PostgresTestDatabase;
import com.nimbus.identity.support.TestSmtp;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Benchmark, not a test: one sweep of {@code benchmark.accounts} (default 100,000) enterprise-verified accounts
 * against the database registry, on a fresh PostgreSQL database, with the job executor on and the
 * application's own settings (no test profile) but for a local SMTP server, so every revoked holder is told on
 * every channel within the sweep. Seeds accounts, approved applications, quota rows and registry
 * entries by COPY, starts a sweep, waits until the sweep's instance has ended and every finding has taken its first
 * steps, and prints the time it took. 1% of the enterprises are dissolved (revoked at once, holder told), 1% unknown
 * to the registry (a reviewer's task each), 1% registered at another address (holder told, 30-day grace timer), and
 * 1% registered with the same data spelt differently (no finding).
 * <p>
 * Skipped unless {@code -Dbenchmark=true}:
 * {@code mvn -B test -Dtest=EnterpriseRecheckBenchmark -Dbenchmark=true}
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ContextConfiguration(initializers = {PostgresTestDatabase.Initializer.class, TestSmtp.Initializer.class})
class EnterpriseRecheckBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("benchmark.accounts", 100_000);

    @Autowired ProcessEngine engine;
    @Autowired EnterpriseRechecks rechecks;
    @Autowired RecheckProperties properties;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired FieldCipher cipher;
    @Autowired QuotaService quotas;

    @Test
    void oneSweep() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        System.out.printf("%nSeeded %,d enterprise-verified accounts and registry entries in %.1f s%n", ACCOUNTS,
                (System.nanoTime() - seedStart) / 1e9);

        long start = System.nanoTime();
        ProcessInstance sweep = rechecks.startSweep();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> RecheckJobs.ended(engine, sweep.getId()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // the findings (one instance each: policy, revocation, one job per channel of the notices) run on after the
        // sweep, until each is revoked and told, waits in its grace period, or waits for a reviewer
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> engine.getManagementService().createJobQuery().processDefinitionKey(Recheck.PROCESS_KEY)
                        .executable().count() == 0);
        Duration untilNotified = Duration.ofNanos(System.nanoTime() - start);

        int revoked = count("select count(*) from account where revocation_code is not null");
        int stillVerified = count("select count(*) from account where status = 'VERIFIED'");
        int notified = count("select count(*) from message where event = 'VERIFICATION_REVOKED'");
        long pages = (Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(sweep.getId()).variableName(Recheck.Var.PAGES_DISPATCHED).singleResult().getValue();
        System.out.printf("%nEnterprise re-check benchmark: %,d accounts, %d pages of %d, %d processors, %d MiB heap%n"
                        + "  sweep took %d min %02d s (%.0f accounts/s); %,d revoked (%d dissolved, %d not found, "
                        + "%d mismatch), %,d still verified, %,d holders notified, %d incidents%n"
                        + "  every revocation notice (message center, email, SMS) delivered %d min %02d s after the"
                        + " sweep started%n%n",
                ACCOUNTS, pages, properties.pageSize(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, elapsed.toMinutes(), elapsed.toSecondsPart(),
                ACCOUNTS / (elapsed.toMillis() / 1000.0), revoked,
                count("select count(*) from account where revocation_code = 'ENTERPRISE_DISSOLVED'"),
                count("select count(*) from account where revocation_code = 'ENTERPRISE_NOT_FOUND'"),
                count("select count(*) from account where revocation_code = 'ENTERPRISE_DATA_MISMATCH'"),
                stillVerified, notified, engine.getRuntimeService().createIncidentQuery().count(),
                untilNotified.toMinutes(), untilNotified.toSecondsPart());

        int expectedRevocations = everyHundredth(0);
        assertThat(revoked).isEqualTo(expectedRevocations);
        assertThat(notified).isEqualTo(expectedRevocations);
        assertThat(count("select count(*) from notification_delivery where event = 'VERIFICATION_REVOKED'"))
                .isEqualTo(3 * expectedRevocations);
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Activity_ReviewRegistryFinding").count())
                .isEqualTo(everyHundredth(1));
        assertThat(count("select count(*) from message where event = 'VERIFICATION_DATA_MISMATCH'"))
                .isEqualTo(everyHundredth(2));
        assertThat(stillVerified).isEqualTo(ACCOUNTS - expectedRevocations);
        assertThat(count("select coalesce(sum(used), 0) from identity_quota")).isEqualTo(ACCOUNTS - expectedRevocations);
    }

    /** How many of the seeded accounts have {@code i % 100 == remainder}. */
    private static int everyHundredth(int remainder) {
        return ACCOUNTS / 100 + (ACCOUNTS % 100 > remainder ? 1 : 0);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private void seed() throws Exception {
        StringBuilder accounts = new StringBuilder();
        StringBuilder applications = new StringBuilder();
        StringBuilder quotaRows = new StringBuilder();
        StringBuilder registry = new StringBuilder();
        String verifiedAt = Instant.now().minus(Duration.ofDays(400)).toString();
        for (int i = 0; i < ACCOUNTS; i++) {
            String accountId = UUID.randomUUID().toString();
            String applicationId = UUID.randomUUID().toString();
            String number = String.format("91110105MA%08d", i);
            String key = quotas.identityKey("CN", DocumentType.BUSINESS_LICENSE, number);
            String name = "Benchmark Enterprise " + i + " Co., Ltd.";
            String address = "No. " + i + " Benchmark Road, Chaoyang District, Beijing";
            accounts.append(accountId).append("\tholder").append(i).append("@example.com\t+8613800138000\tCN\ten\t")
                    .append("VERIFIED\tENTERPRISE\t").append(key).append('\t').append(name).append('\t')
                    .append(DocumentNumbers.mask(number)).append('\t').append(verifiedAt).append('\t')
                    .append(verifiedAt).append("\t0\n");
            applications.append(applicationId).append('\t').append(accountId).append("\tINITIAL\tENTERPRISE\tAPPROVED\tCN\t")
                    .append(name).append('\t').append(address).append("\tBUSINESS_LICENSE\t")
                    .append(cipher.encryptText(number, applicationId)).append('\t').append(DocumentNumbers.mask(number)).append('\t')
                    .append(key).append('\t').append(verifiedAt).append('\t').append(verifiedAt).append("\talice\t0\n");
            quotaRows.append(key).append("\t5\t1\n");
            switch (i % 100) {
                case 0 -> registry.append(entry(number, name, address, "DISSOLVED"));
                case 1 -> { } // the registry does not know it
                case 2 -> registry.append(entry(number, name, "No. 8 Zhongguancun Street, Haidian District, Beijing", "ACTIVE"));
                case 3 -> registry.append(entry(number, name.toUpperCase().replace(",", "").replace(".", ""),
                        address.replace(", ", ","), "ACTIVE"));
                default -> registry.append(entry(number, name, address, "ACTIVE"));
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("copy account (id, email, phone, registration_region, language, status, identity_type, "
                    + "identity_key, verified_name, masked_document_number, verified_at, created_at, version) from stdin",
                    new StringReader(accounts.toString()));
            pg.getCopyAPI().copyIn("copy verification_application (id, account_id, kind, identity_type, status, region, "
                    + "holder_name, holder_address, document_type, document_number_enc, document_number_masked, "
                    + "identity_key, submitted_at, decided_at, decided_by, version) from stdin",
                    new StringReader(applications.toString()));
            pg.getCopyAPI().copyIn("copy identity_quota (identity_key, quota_limit, used) from stdin",
                    new StringReader(quotaRows.toString()));
            pg.getCopyAPI().copyIn("copy enterprise_registry_entry (region, registration_number, name, "
                    + "registered_address, status, updated_at) from stdin", new StringReader(registry.toString()));
        }
        jdbc.update("update account a set verified_application_id = v.id from verification_application v "
                + "where v.account_id = a.id");
        jdbc.execute("analyze");
    }

    private static String entry(String number, String name, String address, String status) {
        return "CN\t" + number + '\t' + name + '\t' + address + '\t' + status + '\t' + Instant.now() + '\n';
    }
}
