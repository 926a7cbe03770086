package com.nimbus.identity.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.IdentityVerificationApplication;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.IntegrationTest;
import com.nimbus.identity.support.ModelRuleTables;
import com.nimbus.identity.support.PostgresTestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deployments that respect the owners: owen deploys a table through /engine-rest, then the application starts again
 * on the same database (a second node, as after a restart or a new release): with the same files owen's version
 * stays the latest; with a release that changed that file the release's version becomes the latest; a file the
 * release did not change never gets a new version. Also: every model and table of processes/ is deployed and
 * parsed by the engine.
 */
@IntegrationTest
class ReleaseDeploymentIT {

    @LocalServerPort int port;
    @Autowired RepositoryService repository;

    private final List<String> createdHere = new ArrayList<>();

    @AfterEach
    void backToTheReleasedModels() {
        createdHere.forEach(id -> repository.deleteDeployment(id, true));
    }

    private DecisionDefinition latestQuotaTable() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("identity-quota").latestVersion()
                .singleResult();
    }

    private ProcessDefinition latestReview() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("identity-review").latestVersion()
                .singleResult();
    }

    private long releaseDeployments() {
        return repository.createDeploymentQuery().deploymentName("identity-verification release").count();
    }

    /** The application once more on this test's database, with the release files of {@code resources}. */
    private static ConfigurableApplicationContext restart(String... resources) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + PostgresTestDatabase.jdbcUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--server.port=0",
                "--camunda.bpm.process-engine-name=restarted",
                "--camunda.bpm.job-execution.enabled=false"));
        for (int i = 0; i < resources.length; i++) {
            args.add("--identity.models.resources[" + i + "]=" + resources[i]);
        }
        return new SpringApplicationBuilder(IdentityVerificationApplication.class).run(args.toArray(String[]::new));
    }

    /** A copy of the release's files in {@code dir}/processes and {@code dir}/forms, as a new release brings them. */
    private static String[] copyOfTheRelease(Path dir) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String folder : new String[] {"processes", "forms"}) {
            Files.createDirectories(dir.resolve(folder));
            for (Resource r : resolver.getResources("classpath*:" + folder + "/*.*")) {
                try (InputStream in = r.getInputStream()) {
                    Files.write(dir.resolve(folder).resolve(r.getFilename()), in.readAllBytes());
                }
            }
        }
        String base = dir.toUri().toString();
        return new String[] {base + "processes/*.bpmn", base + "processes/*.dmn", base + "forms/*.form"};
    }

    @Test
    void aRestartKeepsOwensVersionAndAReleaseThatChangedTheFileReplacesIt(@TempDir Path newRelease) throws IOException {
        DecisionDefinition released = latestQuotaTable();
        ProcessDefinition reviewBefore = latestReview();
        long releasesBefore = releaseDeployments();

        ApiClient.Response deployed = ApiClient.as(port, "owen", "owen").deploy("identity-quota", "identity-quota.dmn",
                ModelRuleTables.text("identity-quota").replace("<text>5</text>", "<text>7</text>"));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        createdHere.add(deployed.json().get("id").asText());
        DecisionDefinition owens = latestQuotaTable();
        assertThat(owens.getVersion()).isEqualTo(released.getVersion() + 1);

        try (ConfigurableApplicationContext restarted = restart()) {
            assertThat(restarted.isRunning()).isTrue();
        }
        assertThat(latestQuotaTable().getId()).as("a restart leaves owen's version the latest").isEqualTo(owens.getId());
        assertThat(releaseDeployments()).as("nothing changed, nothing deployed").isEqualTo(releasesBefore);

        String[] changed = copyOfTheRelease(newRelease);
        Path table = newRelease.resolve("processes/identity-quota.dmn");
        Files.writeString(table, Files.readString(table, StandardCharsets.UTF_8).replace("<text>5</text>", "<text>6</text>"),
                StandardCharsets.UTF_8);
        try (ConfigurableApplicationContext restarted = restart(changed)) {
            assertThat(restarted.isRunning()).isTrue();
        }
        Deployment release = repository.createDeploymentQuery().deploymentName("identity-verification release")
                .orderByDeploymentTime().desc().list().get(0);
        createdHere.add(release.getId());
        DecisionDefinition fromRelease = latestQuotaTable();
        assertThat(fromRelease.getDeploymentId()).as("the release changed the file: its version is the latest")
                .isEqualTo(release.getId());
        assertThat(fromRelease.getVersion()).isEqualTo(owens.getVersion() + 1);
        assertThat(repository.getResourceAsStream(release.getId(), "processes/identity-quota.dmn"))
                .asString(StandardCharsets.UTF_8).contains("<text>6</text>");
        assertThat(repository.getDeploymentResourceNames(release.getId()))
                .as("only the changed file was deployed").containsExactly("processes/identity-quota.dmn");
        assertThat(latestReview().getId()).as("an unchanged model keeps its version").isEqualTo(reviewBefore.getId());
    }

    @Test
    void everyModelAndTableOfTheReleaseIsDeployedAndParsedByTheEngine() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Deployment> releases = repository.createDeploymentQuery().deploymentName("identity-verification release").list();
        assertThat(releases).isNotEmpty();
        for (String pattern : new String[] {"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn"}) {
            Resource[] files = resolver.getResources(pattern);
            assertThat(files).isNotEmpty();
            for (Resource file : files) {
                String key = file.getFilename().replaceFirst("\\.(bpmn|dmn)$", "");
                String deploymentId = file.getFilename().endsWith(".bpmn")
                        ? repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getDeploymentId()
                        : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getDeploymentId();
                byte[] deployed;
                try (InputStream in = repository.getResourceAsStream(deploymentId, "processes/" + file.getFilename());
                     InputStream original = file.getInputStream()) {
                    deployed = in.readAllBytes();
                    assertThat(deployed).as(file.getFilename() + ": the file name is its key, and the engine parsed it")
                            .isEqualTo(original.readAllBytes());
                }
            }
        }
    }
}
