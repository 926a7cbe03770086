package com.nimbus.identity.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.nimbus.identity.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What Camunda Modeler offers process owners to drag in: an element template (processes/.camunda/element-templates)
 * for every delegate, listener, decision-backed step and called process the models use, each valid against Camunda's
 * element template JSON Schema (fetched from the npm registry by the build), and each naming a bean the application
 * has.
 */
@IntegrationTest
class ElementTemplatesIT {

    private static final Path MODELS = Path.of("processes");
    private static final Path TEMPLATES = MODELS.resolve(".camunda/element-templates");
    private static final Path SCHEMA = Path.of("target/element-templates-schema/node_modules/@camunda/"
            + "element-templates-json-schema/resources/schema.json");
    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z0-9_]+)}\"");
    private static final Pattern LISTENER_CLASS = Pattern.compile("<camunda:(task|execution)Listener[^>]* class=");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> templates = new HashMap<>();

    @Autowired ApplicationContext context;

    @BeforeAll
    static void readTemplates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode template = JSON.readTree(file.toFile());
                templates.put(template.get("id").asText(), template);
            }
        }
        assertThat(templates).isNotEmpty();
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static Set<String> hidden(JsonNode template, String bindingName) {
        Set<String> values = new TreeSet<>();
        template.get("properties").forEach(p -> {
            if (bindingName.equals(p.path("binding").path("name").asText())) {
                values.add(p.path("value").asText());
            }
        });
        return values;
    }

    @Test
    void everyTemplateIsValidAgainstCamundasElementTemplateSchema() throws IOException {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        templates.forEach((id, template) -> {
            Set<ValidationMessage> problems = schema.validate(template);
            assertThat(problems).as(id).isEmpty();
            assertThat(id).startsWith("com.nimbus.identity.");
        });
        JsonNode broken = JSON.createObjectNode().put("name", "no id, no appliesTo, no properties");
        assertThat(schema.validate(broken)).as("the schema does check").isNotEmpty();
    }

    @Test
    void everyDelegateAndListenerOfTheModelsIsABeanWithATemplate() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path model : models()) {
            String xml = Files.readString(model);
            assertThat(xml).as(model + ": steps are beans (delegateExpression), never classes").doesNotContain("camunda:class=");
            assertThat(LISTENER_CLASS.matcher(xml).find()).as(model + ": listeners are beans too").isFalse();
            Matcher m = DELEGATE.matcher(xml);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).contains("approveApplication", "notifyAccountHolder", "reviewTask");
        for (String bean : used) {
            assertThat(context.containsBean(bean)).as("bean " + bean).isTrue();
            JsonNode template = templates.get("com.nimbus.identity." + bean);
            assertThat(template).as("template of " + bean).isNotNull();
            if (template.get("appliesTo").toString().contains("bpmn:ServiceTask")) {
                assertThat(hidden(template, "camunda:delegateExpression")).containsExactly("${" + bean + "}");
            }
        }
        templates.values().forEach(template -> hidden(template, "camunda:delegateExpression").forEach(expression ->
                assertThat(used).as("a template for a step no model uses: " + expression)
                        .contains(expression.substring(2, expression.length() - 1))));
    }

    @Test
    void everyDecisionBackedStepAndCalledProcessHasATemplate() throws IOException {
        Set<String> decisions = new TreeSet<>();
        Set<String> called = new TreeSet<>();
        for (Path model : models()) {
            BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
            instance.getModelElementsByType(BusinessRuleTask.class).forEach(t -> decisions.add(t.getCamundaDecisionRef()));
            instance.getModelElementsByType(CallActivity.class).forEach(c -> called.add(c.getCalledElement()));
        }
        assertThat(decisions).contains("revocation-policy");
        assertThat(called).contains("identity-decision", "identity-review");
        Set<String> templatedDecisions = new TreeSet<>();
        Set<String> templatedCalls = new TreeSet<>();
        templates.values().forEach(t -> {
            templatedDecisions.addAll(hidden(t, "camunda:decisionRef"));
            templatedCalls.addAll(hidden(t, "calledElement"));
        });
        assertThat(templatedDecisions).containsAll(decisions);
        assertThat(templatedCalls).containsAll(called);
    }
}
