package com.nimbus.identity.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the release's models, decision tables and forms when the engine starts, so that the owners' edits are
 * never silently replaced.
 * <p>
 * Process owners deploy new versions through {@code /engine-rest} (Camunda Modeler's deploy button). The starter's
 * own auto-deployment redeploys every file of the release as soon as one of them changed, which would make the
 * release's copy of a model an owner edited the latest version again. Here each file is compared with the
 * <em>release's</em> last copy of it (deployments named {@code identity.models.deployment-name} with source
 * {@value #SOURCE}), byte for byte, and only files that changed are deployed (the engine's duplicate filtering with
 * "deploy changed only"): a restart, or a release that did not change a file, creates no version of it and the
 * owner's version stays the latest; a release that changed it deploys it, and the release's version becomes the
 * latest. Files are named by folder and file name ({@code processes/identity-review.bpmn}), the same wherever the
 * application is installed, so the comparison does not depend on the installation path.
 */
@Component
class ReleaseDeployment extends AbstractProcessEnginePlugin {

    static final String SOURCE = "release";

    private static final Logger log = LoggerFactory.getLogger(ReleaseDeployment.class);

    private final ReleaseModelsProperties properties;

    ReleaseDeployment(ReleaseModelsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Map<String, Resource> files = files();
        if (files.isEmpty()) {
            throw new IllegalStateException("The release has no models to deploy: " + properties.resources());
        }
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(properties.deploymentName())
                .source(SOURCE)
                .enableDuplicateFiltering(true);
        files.forEach((name, resource) -> {
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        });
        DeploymentWithDefinitions deployed = deployment.deployWithResult();
        List<String> versions = new ArrayList<>();
        // a start that deployed nothing answers with the release's last deployment, without definitions
        if (deployed.getDeployedProcessDefinitions() != null) {
            deployed.getDeployedProcessDefinitions().forEach(d -> versions.add(d.getKey() + " v" + d.getVersion()));
        }
        if (deployed.getDeployedDecisionDefinitions() != null) {
            deployed.getDeployedDecisionDefinitions().forEach(d -> versions.add(d.getKey() + " v" + d.getVersion()));
        }
        log.info("Release models: {} files, new versions deployed: {}", files.size(),
                versions.isEmpty() ? "none (no file changed since the release's last deployment)" : versions);
    }

    /** The release's files by deployment name, in a stable order. */
    Map<String, Resource> files() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Resource> files = new LinkedHashMap<>();
        for (String pattern : properties.resources()) {
            try {
                List<Resource> found = new ArrayList<>(List.of(resolver.getResources(pattern)));
                found.removeIf(r -> !r.isReadable() || r.getFilename() == null);
                found.sort(Comparator.comparing(ReleaseDeployment::name));
                for (Resource resource : found) {
                    Resource other = files.put(name(resource), resource);
                    if (other != null && !other.equals(resource)) {
                        throw new IllegalStateException("Two release files are named " + name(resource) + ": "
                                + other + " and " + resource);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + pattern, e);
            }
        }
        return files;
    }

    /** Folder and file name: {@code processes/identity-review.bpmn}. */
    static String name(Resource resource) {
        try {
            String path = resource.getURL().getPath();
            String[] parts = path.split("/");
            return parts.length < 2 ? resource.getFilename() : parts[parts.length - 2] + "/" + parts[parts.length - 1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
