package com.nimbus.identity.support;

import com.nimbus.identity.workflow.RuleTableGap;
import com.nimbus.identity.workflow.RuleTables;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.core.io.ClassPathResource;

/**
 * The decision tables of {@code processes/} evaluated by Camunda's DMN engine without a process engine, for unit
 * tests of the rules and of the Java that asks them. {@link #with} replaces one table by another text, as a process
 * owner's deployment would.
 */
public final class ModelRuleTables implements RuleTables {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final Map<String, DmnDecision> decisions = new HashMap<>();

    private ModelRuleTables() {
    }

    /** The tables as the product ships them. */
    public static ModelRuleTables shipped() {
        return new ModelRuleTables();
    }

    /** These tables, with {@code decisionKey} read from {@code dmnXml} instead. */
    public ModelRuleTables with(String decisionKey, String dmnXml) {
        decisions.put(decisionKey, DMN.parseDecision(decisionKey,
                new ByteArrayInputStream(dmnXml.getBytes(StandardCharsets.UTF_8))));
        return this;
    }

    /** The text of a shipped table, {@code processes/<key>.dmn}. */
    public static String text(String decisionKey) {
        try (InputStream in = new ClassPathResource("processes/" + decisionKey + ".dmn").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Object> decide(String decisionKey, Map<String, Object> inputs) {
        DmnDecision decision = decisions.computeIfAbsent(decisionKey, key -> DMN.parseDecision(key,
                new ByteArrayInputStream(text(key).getBytes(StandardCharsets.UTF_8))));
        DmnDecisionResultEntries first = DMN.evaluateDecision(decision, new HashMap<>(inputs)).getFirstResult();
        if (first == null) {
            throw new RuleTableGap(decisionKey, inputs);
        }
        return new HashMap<>(first.getEntryMap());
    }
}
