package com.nimbus.identity.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.PostgresTestDatabase;
import com.nimbus.identity.support.TestSmtp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The engine's schema on PostgreSQL without a hand step: the application started on a schema made the earlier way by
 * the 7.22 engine's create scripts (what {@code schema-update=true} or an operator's script made) upgrades it to this
 * release's by the engine's changelog and runs; two starts at the same moment on an empty database create the schema
 * once. The 7.22 scripts are unpacked from the 7.22 engine jar by the build (system property {@code engine722.sql}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.process-engine-name=upgradedEngine",
        "camunda.bpm.webapp.enabled=false",
        "identity.webhooks.delivery.enabled=false"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = {EngineSchemaIT.Engine722Database.class, TestSmtp.Initializer.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EngineSchemaIT {

    private static final List<String> CREATE_SCRIPTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSchemaMadeByThe722ScriptsIsUpgradedAtStartAndKeepsItsData() {
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log order by id_", String.class))
                .containsExactly("7.22.0", "7.23.0", "7.24.0");
        assertThat(jdbc.queryForObject("select count(*) from act_id_user where id_ = 'before722'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from databasechangelog where tag = '7.24.0'", Integer.class))
                .isEqualTo(1);
        // the engine of this release runs on it: the release's models are deployed and an instance starts
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("enterprise-recheck")
                .count()).isPositive();
        assertThat(engine.getIdentityService().createUserQuery().userId("before722").count()).isEqualTo(1);
    }

    @Test
    void twoStartsAtTheSameMomentOnAnEmptyDatabaseCreateTheSchemaOnce() throws Exception {
        onAnEmptyDatabase((url, db) -> {
            // two JVMs, as two nodes are
            List<Process> nodes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                nodes.add(nodeProcess(url));
            }
            for (Process node : nodes) {
                assertThat(node.waitFor(3, TimeUnit.MINUTES)).isTrue();
                assertThat(node.exitValue()).isZero();
            }

            assertThat(db.queryForObject("select count(*) from databasechangelog where id = '7.16.0-baseline'",
                    Integer.class)).isEqualTo(1);
            assertThat(db.queryForList("select version_ from act_ge_schema_log", String.class))
                    .containsExactlyInAnyOrder("7.16.0", "7.17.0", "7.18.0", "7.19.0", "7.20.0", "7.21.0", "7.22.0",
                            "7.23.0", "7.24.0");
        });
    }

    @Test
    void aLiquibaseLockLeftByAKilledNodeIsReleasedAtTheNextStart() throws Exception {
        onAnEmptyDatabase((url, db) -> {
            // what a node killed in the middle of the first start leaves behind: Liquibase's lock, held, and no
            // change set recorded (each ran in a transaction the kill rolled back)
            db.execute("create table databasechangeloglock (id integer primary key, locked boolean not null, "
                    + "lockgranted timestamp, lockedby varchar(255))");
            db.update("insert into databasechangeloglock values (1, true, now(), 'killed node')");

            assertThat(startNode(url).exitValue()).isZero();
            assertThat(db.queryForObject("select count(*) from databasechangeloglock where locked", Integer.class))
                    .isZero();
            assertThat(db.queryForObject("select count(*) from databasechangelog where tag = '7.24.0'", Integer.class))
                    .isEqualTo(1);
        });
    }

    @Test
    void aRestartOnASchemaAtThisEnginesVersionDoesNotReadTheChangelog() throws Exception {
        onAnEmptyDatabase((url, db) -> {
            assertThat(startNode(url).exitValue()).isZero();
            // a checksum Liquibase would refuse (it validates every change set it reads): a start that reads the
            // changelog fails on it
            db.update("update databasechangelog set md5sum = '9:00000000000000000000000000000000' "
                    + "where id = '7.16.0-baseline'");
            int changeSets = db.queryForObject("select count(*) from databasechangelog", Integer.class);

            assertThat(startNode(url).exitValue()).isZero();
            assertThat(db.queryForObject("select count(*) from databasechangelog", Integer.class)).isEqualTo(changeSets);
        });
    }

    private interface OnDatabase {
        void run(String url, JdbcTemplate db) throws Exception;
    }

    /** Runs {@code test} on a database of its own, empty, dropped afterwards. */
    private static void onAnEmptyDatabase(OnDatabase test) throws Exception {
        String url = PostgresTestDatabase.createEmpty();
        try {
            test.run(url, new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.user(),
                    PostgresTestDatabase.password())));
        } finally {
            PostgresTestDatabase.drop(url);
        }
    }

    /** One node's start in a JVM of its own (Liquibase waits minutes for a held lock before it gives up). */
    private static Process startNode(String url) throws Exception {
        Process node = nodeProcess(url);
        boolean done = node.waitFor(2, TimeUnit.MINUTES);
        if (!done) {
            node.destroyForcibly();
        }
        assertThat(done).as("the node started within two minutes").isTrue();
        return node;
    }

    private static Process nodeProcess(String url) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngineSchemaStart.class.getName(), url,
                PostgresTestDatabase.user(), PostgresTestDatabase.password())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** A database of its own holding the application's tables and what the 7.22 engine's create scripts made, and a user. */
    static class Engine722Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = PostgresTestDatabase.createEmpty();
            ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("engine722Database",
                    () -> PostgresTestDatabase.drop(url));
            Path scripts = Path.of(System.getProperty("engine722.sql", "target/engine-7.22/org/camunda/bpm/engine/db/create"));
            // the application's tables as an earlier release's Flyway made them (up to V50), beside the engine's
            org.flywaydb.core.Flyway.configure().dataSource(url, PostgresTestDatabase.user(), PostgresTestDatabase.password())
                    .locations("classpath:db/migration").target("50").load().migrate();
            try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
                 Statement s = c.createStatement()) {
                for (String part : CREATE_SCRIPTS) {
                    s.execute(Files.readString(scripts.resolve("activiti.postgres.create." + part + ".sql"),
                            StandardCharsets.UTF_8));
                }
                s.execute("insert into act_id_user (id_, rev_) values ('before722', 1)");
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Could not make the 7.22 schema from " + scripts, e);
            }
            TestPropertyValues.of(
                    "spring.datasource.url=" + url,
                    "spring.datasource.username=" + PostgresTestDatabase.user(),
                    "spring.datasource.password=" + PostgresTestDatabase.password()).applyTo(context.getEnvironment());
        }
    }
}
