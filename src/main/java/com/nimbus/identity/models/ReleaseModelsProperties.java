package com.nimbus.identity.models;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code identity.models.*}: what the release deploys at every start ({@link ReleaseDeployment}).
 *
 * @param deploymentName the name of the release's deployments; an unchanged file is compared with the release's own
 *                       last copy under this name, never with a process owner's deployment
 * @param resources      Spring resource patterns of the models, decision tables and forms the release brings; each
 *                       file is named by its folder and file name, e.g. {@code processes/identity-review.bpmn}
 */
@Validated
@ConfigurationProperties("identity.models")
public record ReleaseModelsProperties(
        @DefaultValue("identity-verification release") @NotBlank String deploymentName,
        @DefaultValue({"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"})
        @NotEmpty List<@NotBlank String> resources) {
}
