package com.nimbus.identity.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The engine's schema on H2, the embedded default's database: created from nothing by the engine's changelog, and a
 * schema made the earlier way (the engine's own create scripts, as {@code schema-update=true} did) adopted without
 * running its scripts again; the engine then starts with {@code schema-update=false}.
 */
class EngineSchemaH2Test {

    private static final List<String> CREATE_SCRIPTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Test
    void anEmptyDatabaseGetsTheEngineSchemaOfThisRelease() throws Exception {
        DataSource dataSource = database();
        apply(dataSource);

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG", String.class)).contains("7.24.0");
        assertThat(jdbc.queryForObject("select count(*) from DATABASECHANGELOG where TAG = '7.24.0'", Integer.class))
                .isEqualTo(1);
        assertEngineStarts(dataSource);
    }

    @Test
    void aSecondStartChangesNothing() throws Exception {
        DataSource dataSource = database();
        apply(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int ran = jdbc.queryForObject("select count(*) from DATABASECHANGELOG", Integer.class);

        apply(dataSource);

        assertThat(jdbc.queryForObject("select count(*) from DATABASECHANGELOG", Integer.class)).isEqualTo(ran);
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_SCHEMA_LOG where VERSION_ = '7.24.0'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aSchemaMadeByTheCreateScriptsIsAdoptedNotCreatedAgain() throws Exception {
        DataSource dataSource = database();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String part : CREATE_SCRIPTS) {
            runScript(jdbc, "org/camunda/bpm/engine/db/create/activiti.h2.create." + part + ".sql");
        }
        jdbc.update("insert into ACT_ID_USER (ID_, REV_) values ('kept', 1)");

        EngineSchema schema = schema(dataSource);
        assertThat(schema.schemaMadeWithoutChangelog()).contains("7.24.0");
        schema.afterPropertiesSet();

        assertThat(schema.schemaMadeWithoutChangelog()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ = 'kept'", Integer.class)).isEqualTo(1);
        // the create scripts' one schema log row, and no upgrade script run again on top of it
        assertThat(jdbc.queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG", String.class)).containsExactly("7.24.0");
        assertThat(jdbc.queryForObject("select count(*) from DATABASECHANGELOG where TAG = '7.24.0'", Integer.class))
                .isEqualTo(1);
        assertEngineStarts(dataSource);
    }

    @Test
    void versionsBeforeTheFirstChangelogReleaseAreRefusedWithTheWayOut() {
        assertThat(EngineSchema.tag(EngineSchema.majorMinor("7.22.0").orElseThrow())).isEqualTo("7.22.0");
        assertThat(EngineSchema.tag(EngineSchema.majorMinor("7.21.3-ee").orElseThrow())).isEqualTo("7.21.0");
        assertThatThrownBy(() -> EngineSchema.tag(EngineSchema.majorMinor("7.15.0").orElseThrow()))
                .hasMessageContaining("upgrade it to 7.16");
    }

    private static DataSource database() {
        return new DriverManagerDataSource("jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static EngineSchema schema(DataSource dataSource) {
        EngineSchema schema = new EngineSchema();
        schema.setDataSource(dataSource);
        schema.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader());
        return schema;
    }

    private static void apply(DataSource dataSource) throws Exception {
        schema(dataSource).afterPropertiesSet();
    }

    private static void runScript(JdbcTemplate jdbc, String resource) throws Exception {
        try (InputStream in = EngineSchemaH2Test.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    jdbc.execute(statement);
                }
            }
        }
    }

    private static void assertEngineStarts(DataSource dataSource) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("schema-" + UUID.randomUUID());
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            assertThat(new JdbcTemplate(dataSource).queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG", String.class))
                    .contains(ProcessEngine.class.getPackage().getImplementationVersion() == null ? "7.24.0"
                            : ProcessEngine.class.getPackage().getImplementationVersion());
            engine.getIdentityService().saveUser(engine.getIdentityService().newUser("afterstart"));
        } finally {
            engine.close();
        }
    }
}
