package com.nimbus.identity.vocabulary;

/**
 * The engine's groups of SPEC: who reviews, who is escalated to, who owns the models, who calls the API.
 * Created on every start where missing; the models name the reviewers' group as a candidate group.
 */
public final class UserGroups {

    private UserGroups() {
    }

    public static final String REVIEWERS = "identity-reviewers";
    public static final String SUPERVISORS = "identity-supervisors";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String API_CLIENTS = "api-clients";
    /** Reads the audit trail of identity data (GET /api/audit-entries), and nothing else of the API. */
    public static final String COMPLIANCE_OFFICERS = "compliance-officers";
    /** The engine's administrators' group: Cockpit, Admin, and the API keys of the API clients. */
    public static final String ADMINS = "camunda-admin";
}
