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

    /** Starts an instance that tells one holder of the revocation of their verification (business key: account id). */
    public static final String MESSAGE_REVOCATION_NOTICE_REQUESTED = "EnterpriseRevocationNoticeRequested";

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
        /** Of one page (local to it): how many accounts were checked and which were revoked. */
        public static final String ACCOUNTS_CHECKED = "accountsChecked";
        public static final String ACCOUNTS_REVOKED = "accountsRevoked";
        public static final String REVOKED_ACCOUNT_IDS = "revokedAccountIds";
    }
}
