package com.nimbus.identity.workflow;

import java.util.Map;

/**
 * A decision table has no row for the inputs it was asked about. Thrown inside a job, it fails the job, which is
 * retried and then shown as an incident in Cockpit with this message, until a process owner deploys a table that
 * covers the case.
 */
public class RuleTableGap extends IllegalStateException {

    public RuleTableGap(String decisionKey, Map<String, Object> inputs) {
        super("The decision table " + decisionKey + " has no row for " + inputs
                + ": deploy a version that covers it");
    }
}
