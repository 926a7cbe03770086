package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbus.identity.support.ApiClient;
import com.nimbus.identity.support.ApiClient.Response;
import com.nimbus.identity.support.IntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A process owner deploys models through {@code /engine-rest}, and their expressions see only the beans meant for
 * models: one that reaches for the encryption key, the database, the document store or the engine's insides fails
 * with a clear error and stores nothing, while the beans the product's models use keep working.
 */
@IntegrationTest
class ModelExpressionsIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Value("${identity.crypto.key}") String encryptionKey;

    /** A model that evaluates {@code expression} when it starts and keeps the result in the variable {@code leak}. */
    static String model(String key, String expression) {
        String escaped = expression.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
                    targetNamespace="http://nimbus.com/identity/test">
                  <bpmn:process id="%1$s" name="Expression check" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" name="Started">
                      <bpmn:extensionElements>
                        <camunda:executionListener event="end" expression="${execution.setVariable('leak', %2$s)}" />
                      </bpmn:extensionElements>
                      <bpmn:outgoing>Flow_ToWait</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:userTask id="Wait" name="Look at the result">
                      <bpmn:incoming>Flow_ToWait</bpmn:incoming>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="Start" targetRef="Wait" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, escaped);
    }

    private JsonNode deployAsProcessOwner(String key, String expression) {
        Response deployed = ApiClient.as(port, "owen", "owen").deploy(model(key, expression));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        return deployed.json();
    }

    private Response start(String key) {
        return ApiClient.as(port, "demo", "demo").postJson("/engine-rest/process-definition/key/" + key + "/start", "{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "environment.getProperty('identity.crypto.key')",
            "fieldCipher.fingerprint('E12345678')",
            "jdbcTemplate.queryForList('select document_number_enc from verification_application').toString()",
            "documentStore.toString()",
            "execution.processEngine.processEngineConfiguration.jdbcUrl",
            "execution.processEngineServices.identityService.createUserQuery().list().toString()",
            "''.getClass().forName('java.lang.System').getenv().toString()",
            "execution.getClass().getName()"})
    void anExpressionReachingBeyondItsBeansFailsAndLeaksNothing(String expression) {
        String key = "expression-check-" + UUID.randomUUID().toString().substring(0, 8);
        deployAsProcessOwner(key, expression);

        Response started = start(key);

        assertThat(started.status()).as(started.text()).isBetween(400, 599);
        assertThat(started.text()).doesNotContain(encryptionKey);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst v join act_hi_procinst p "
                + "on v.proc_inst_id_ = p.id_ where p.proc_def_key_ = ?", Integer.class, key)).isZero();
    }

    @Test
    void theErrorNamesWhatTheModelMayNotReach() {
        String key = "expression-check-" + UUID.randomUUID().toString().substring(0, 8);
        deployAsProcessOwner(key, "environment.getProperty('identity.crypto.key')");

        Response started = start(key);

        assertThat(started.json().get("message").asText()).contains("environment");
    }

    @Test
    void aModelThatNamesAClassOrHoldsAScriptIsNotDeployed() {
        String key = "class-check-" + UUID.randomUUID().toString().substring(0, 8);
        String withClass = model(key, "'x'").replace("<bpmn:userTask id=\"Wait\" name=\"Look at the result\">",
                "<bpmn:serviceTask id=\"Wait\" name=\"Build an object\" "
                        + "camunda:class=\"org.springframework.jdbc.core.JdbcTemplate\">").replace("</bpmn:userTask>",
                "</bpmn:serviceTask>");
        String withScript = model(key, "'x'").replace("<bpmn:userTask id=\"Wait\" name=\"Look at the result\">",
                "<bpmn:scriptTask id=\"Wait\" name=\"Run a script\" scriptFormat=\"javascript\">"
                        + "<bpmn:script>java.lang.System.exit(1)</bpmn:script>").replace("</bpmn:userTask>",
                "</bpmn:scriptTask>");

        for (String refused : new String[] {withClass, withScript}) {
            Response deployed = ApiClient.as(port, "owen", "owen").deploy(refused);
            assertThat(deployed.status()).as(deployed.text()).isEqualTo(400);
            assertThat(deployed.json().get("message").asText()).containsAnyOf("camunda:class", "script");
        }
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void theBeansAndFunctionsMeantForModelsStillResolve() {
        String key = "expression-check-" + UUID.randomUUID().toString().substring(0, 8);
        deployAsProcessOwner(key, "businessCalendar.addBusinessDays(now(), 3).after(now()) and "
                + "notificationChannels.all().size() > 0 and execution.processBusinessKey == null");

        Response started = start(key);

        assertThat(started.status()).as(started.text()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        assertThat(engine.getRuntimeService().getVariable(instance, "leak")).isEqualTo(true);
        engine.getRuntimeService().deleteProcessInstance(instance, "checked");
    }
}
