package com.nimbus.identity.workflow;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The engine evaluates the latest deployed version of a table ({@link DecisionService}), so every evaluation is
 * in the decision history Cockpit shows. The inputs are facts the models may hold too (identity type, region,
 * document type, a keyed quota key, a finding): never a document number, so the history stays free of them.
 * <p>
 * A table is the product's rule, not an act of the user whose request happens to ask it (a reviewer's approval in
 * Tasklist takes the quota slot in the reviewer's thread): the engine's authorizations are not applied to the
 * evaluation, and the caller's authentication is restored afterwards.
 */
@Component
class EngineRuleTables implements RuleTables {

    private final DecisionService decisions;
    private final IdentityService identity;

    EngineRuleTables(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @Override
    public Map<String, Object> decide(String decisionKey, Map<String, Object> inputs) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller != null) {
            identity.clearAuthentication();
        }
        try {
            DmnDecisionResult result = decisions.evaluateDecisionByKey(decisionKey).variables(new HashMap<>(inputs)).evaluate();
            DmnDecisionResultEntries first = result.getFirstResult();
            if (first == null) {
                throw new RuleTableGap(decisionKey, inputs);
            }
            return new HashMap<>(first.getEntryMap());
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
