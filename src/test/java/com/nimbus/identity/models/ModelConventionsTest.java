package com.nimbus.identity.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;

/**
 * The models' conventions a process owner relies on in Modeler and Cockpit: a process's id is its file's name, and an
 * element's id says what its label says ({@code Activity_VerifyAccount} is labelled "Verify account"), so the ids in
 * Cockpit, incidents, migrations and tests read like the diagram. {@code reviewApplication} keeps the id SPEC gives it, {@code secondReview} its task definition key.
 */
class ModelConventionsTest {

    /** The reviewers' tasks keep the ids SPEC and the code name them by (task definition keys). */
    private static final java.util.Set<String> USER_TASK_IDS = java.util.Set.of("reviewApplication", "secondReview");

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    /** "Re-check of one account requested" -> "RecheckOfOneAccountRequested"; "Outcome?" -> "Outcome". */
    static String words(String label) {
        StringBuilder out = new StringBuilder();
        for (String word : label.split("\\s+")) {
            String letters = word.replaceAll("[^A-Za-z0-9]", "");
            if (!letters.isEmpty()) {
                out.append(letters.substring(0, 1).toUpperCase(Locale.ROOT)).append(letters.substring(1));
            }
        }
        return out.toString();
    }

    private static String prefix(FlowNode node) {
        if (node instanceof StartEvent) {
            return "StartEvent_";
        }
        if (node instanceof EndEvent) {
            return "EndEvent_";
        }
        if (node instanceof Gateway) {
            return "Gateway_";
        }
        return node instanceof Activity ? "Activity_" : "Event_";
    }

    @Test
    void theWordsOfALabelMakeTheId() {
        assertThat(words("Re-check of one account requested")).isEqualTo("RecheckOfOneAccountRequested");
        assertThat(words("Automated checks passed?")).isEqualTo("AutomatedChecksPassed");
    }

    @Test
    void everyProcessIsNamedByItsFileAndEveryElementIdSaysWhatItsLabelSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.getId() + ".bpmn").isEqualTo(file.getFileName().toString());
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node.getName() == null || USER_TASK_IDS.contains(node.getId())) {
                    continue;
                }
                String expected = prefix(node) + words(node.getName());
                if (!node.getId().equals(expected)) {
                    wrong.add(file.getFileName() + ": " + node.getId() + " is labelled \"" + node.getName()
                            + "\", so " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
