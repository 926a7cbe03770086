package com.nimbus.identity.recheck;

import com.nimbus.identity.vocabulary.Workflow;

/** The names the {@code enterprise-recheck} model and the Java code share. */
public final class Recheck {

    private Recheck() {
    }

    public static final String PROCESS_KEY = Workflow.ENTERPRISE_RECHECK;

    /** Starts a sweep over every enterprise-verified account (the model's other start is its timer). */
    public static final String MESSAGE_SWEEP_REQUESTED = "EnterpriseRecheckSweepRequested";

    /** Starts an instance that re-checks one account (business key: the account id). */
    public static final String MESSAGE_ACCOUNT_RECHECK_REQUESTED = "EnterpriseRecheckOfAccountRequested";

    /** Starts an instance that handles one finding of the re-check (business key: the account id). */
    public static final String MESSAGE_REGISTRY_FINDING_REPORTED = "EnterpriseRegistryFindingReported";

    /** Variables: account ids and counts only. */
    public static final class Var {
        private Var() {
        }

        /** The last account id a page was dispatched for (the sweep's keyset cursor). */
        public static final String CURSOR = "cursor";
        /** The range of a page, inclusive (equal for one account). */
        public static final String FIRST_ACCOUNT_ID = "firstAccountId";
        public static final String LAST_ACCOUNT_ID = "lastAccountId";
        /** How many accounts the page just loaded holds (0: the sweep has dispatched every page). */
        public static final String ACCOUNTS_IN_PAGE = "accountsInPage";
        public static final String PAGES_DISPATCHED = "pagesDispatched";
        public static final String ACCOUNTS_DISPATCHED = "accountsDispatched";
        /** Of one page (local to it): how many accounts were checked, how many findings, and the findings. */
        public static final String ACCOUNTS_CHECKED = "accountsChecked";
        public static final String FINDINGS_FOUND = "findingsFound";
        public static final String FINDINGS = "findings";
        /** Of one finding: the verification it concerns, what was found, and what became of it. */
        public static final String VERIFIED_APPLICATION_ID = "verifiedApplicationId";
        public static final String FINDING = "finding";
        public static final String REVOKED = "revoked";
        public static final String STILL_MISMATCHED = "stillMismatched";
        public static final String CHANGE_PENDING = "changePending";
        public static final String FINDING_REVIEWED_BY = "findingReviewedBy";
        /** Input parameter of "Clear finding" and "Keep verification": CLEARED or KEPT. */
        public static final String OUTCOME = "outcome";
    }
}
