package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.IntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys new versions and watches them, and can delete neither history nor deployments nor running
 * instances, nor start them: the record of who decided what stays where it is.
 */
@IntegrationTest
class ProcessOwnerRightsIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;

    @Test
    void aProcessOwnerDeploysAndWatchesButDeletesNothing() {
        ApiClient owen = ApiClient.as(port, "owen", "owen");
        String key = "owner-check-" + UUID.randomUUID().toString().substring(0, 8);
        Response deployed = owen.deploy(ModelExpressionsIT.model(key, "'nothing'"));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        String deploymentId = deployed.json().get("id").asText();
        assertThat(owen.get("/engine-rest/process-definition?key=" + key).json()).hasSize(1);

        Response started = ApiClient.as(port, "demo", "demo").postJson("/engine-rest/process-definition/key/" + key
                + "/start", "{}");
        String instance = started.json().get("id").asText();
        engine.getRuntimeService().deleteProcessInstance(instance, "finished for the test");
        JsonNode history = owen.get("/engine-rest/history/process-instance?processDefinitionKey=" + key).json();
        assertThat(history).as("he watches history").hasSize(1);
        assertThat(owen.get("/engine-rest/incident").status()).isEqualTo(200);

        assertThat(owen.delete("/engine-rest/history/process-instance/" + instance).status()).isEqualTo(403);
        assertThat(owen.postJson("/engine-rest/history/process-instance/delete",
                "{\"historicProcessInstanceIds\":[\"" + instance + "\"]}").status()).isEqualTo(403);
        assertThat(owen.delete("/engine-rest/deployment/" + deploymentId + "?cascade=true").status()).isEqualTo(403);
        assertThat(owen.putJson("/engine-rest/process-definition/key/" + key + "/history-time-to-live",
                "{\"historyTimeToLive\":0}").status()).isEqualTo(403);
        assertThat(owen.postJson("/engine-rest/process-definition/key/" + key + "/start", "{}").status()).isEqualTo(403);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).count())
                .isEqualTo(1);
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);
    }
}
