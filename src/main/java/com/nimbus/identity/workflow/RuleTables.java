package com.nimbus.identity.workflow;

import java.util.Map;

/**
 * The rules process owners change in Camunda Modeler: DMN decision tables deployed beside the models
 * ({@code processes/*.dmn}). Java asks a table by its decision key and gets the outputs of the matching row; the
 * version asked is the latest deployed, so a table a process owner deploys through {@code /engine-rest} governs
 * every decision taken after it.
 */
public interface RuleTables {

    /**
     * The outputs of the one row that decides (hit policy FIRST or UNIQUE), by output name.
     *
     * @throws RuleTableGap when no row matches: the table leaves the case open, which a process owner must close
     */
    Map<String, Object> decide(String decisionKey, Map<String, Object> inputs);
}
