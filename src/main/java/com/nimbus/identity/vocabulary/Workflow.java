package com.nimbus.identity.vocabulary;

import java.util.List;

/**
 * The names the models and the Java code share: process keys, message names, the reviewer's task, variables,
 * decisions and BPMN error codes. The group names are in {@link UserGroups}.
 */
public final class Workflow {

    private Workflow() {
    }

    public static final String IDENTITY_VERIFICATION = "identity-verification";
    public static final String IDENTITY_CHANGE = "identity-change";
    public static final String IDENTITY_REVIEW = "identity-review";
    public static final String ENTERPRISE_RECHECK = "enterprise-recheck";
    /** Timer-started: cancels applications left pending by an instance that ended or waits on an incident. */
    public static final String APPLICATION_RECONCILIATION = "application-reconciliation";
    /** Who the reconciliation records as having decided an application it cancelled. */
    public static final String RECONCILIATION_ACTOR = "reconciliation";
    /** Called by identity-verification and identity-change: the review, then the decision recorded, told and locked. */
    public static final String IDENTITY_DECISION = "identity-decision";
    /** Nightly: deletes what the retention policy (identity.retention.*) no longer allows to keep. */
    public static final String IDENTITY_RETENTION = "identity-retention";

    /** The decision tables (DMN) process owners change beside the models. */
    public static final String TABLE_IDENTITY_QUOTA = "identity-quota";
    public static final String TABLE_ACCEPTED_DOCUMENTS = "accepted-documents";
    public static final String TABLE_REVOCATION_POLICY = "revocation-policy";
    /** Whether an approval needs a second reviewer's approval too, from the soft signals of the application. */
    public static final String TABLE_FOUR_EYES = "four-eyes";

    public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";
    /** The holder sent new pages of the document after a reviewer asked for them; business key: the application id. */
    public static final String MESSAGE_DOCUMENT_REPLACED = "DocumentReplaced";

    public static final String USER_TASK_REVIEW = "reviewApplication";
    /** The second reviewer's task after an approval with a soft signal (four eyes); never the first reviewer's. */
    public static final String USER_TASK_SECOND_REVIEW = "secondReview";

    /** Variables: ids and non-sensitive facts only, never names, numbers or photos. */
    public static final class Var {
        private Var() {
        }

        public static final String APPLICATION_ID = "applicationId";
        public static final String ACCOUNT_ID = "accountId";
        public static final String IDENTITY_TYPE = "identityType";
        public static final String KIND = "kind";
        public static final String AUTOMATED_CHECKS_PASSED = "automatedChecksPassed";
        public static final String CHECK_SUMMARY = "checkSummary";
        public static final String DECISION = "decision";
        public static final String REJECTION_REASONS = "rejectionReasons";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String REVIEWED_BY = "reviewedBy";
        /** The first page of the document, as every form before several pages showed it. */
        public static final String DOCUMENT_URL = "documentUrl";
        /** How many pages the document has (1 to 4). */
        public static final String DOCUMENT_PAGE_COUNT = "documentPageCount";
        public static final String ENTERED_DATA_URL = "enteredDataUrl";
        public static final String EVENT = "event";
        public static final String CHANGE_LOCKED_UNTIL = "changeLockedUntil";
        public static final String LOCK_DURATION = "lockDuration";
        /** The event "Notify approval" tells the holder: APPLICATION_APPROVED, or IDENTITY_CHANGED for a change. */
        public static final String APPROVAL_EVENT = "approvalEvent";
        /**
         * The language of the reviewer's form, {@code en} or {@code zh}: never stored, added by the application to the
         * form's variables as each reviewer's browser asks for them, so the form's labels follow her language.
         */
        public static final String REVIEWER_LANGUAGE = "reviewerLanguage";
        /** Markdown of the account's earlier applications, their outcomes and reasons (no names or numbers). */
        public static final String CASE_HISTORY = "caseHistory";
        /** The same in Simplified Chinese. */
        public static final String CASE_HISTORY_ZH = "caseHistoryZh";
        /** How many accounts the identity verifies now, and its quota: {@code 2 / 5}. */
        public static final String QUOTA_USAGE = "quotaUsage";
        /** For a same-photo warning: the address of the other pending application's first page, for the form. */
        public static final String SIMILAR_PAGE_URL = "similarPageUrl";
        /** For a change: the address of the account's current identity, drawn like the entered data. */
        public static final String CURRENT_IDENTITY_URL = "currentIdentityUrl";
        /** The reviewer who asked for a new photo: the review that follows the new pages is offered to her first. */
        public static final String PHOTO_REQUESTED_BY = "photoRequestedBy";
        /** How many times new pages were asked for in this review (1, 2, ...): each request is told anew. */
        public static final String PHOTO_REQUESTS = "photoRequests";
        /** A notification's round, for a step a model may pass more than once: each round is delivered anew. */
        public static final String NOTIFICATION_ROUND = "notificationRound";
        /** The reviewer whose approval waits for a second one; she may not take the second review. */
        public static final String FIRST_REVIEWER = "firstReviewer";
        /** Soft signals of the automated checks: a similar photo of another account, a photo close to too blurry. */
        public static final String SIMILAR_PHOTO_WARNING = "similarPhotoWarning";
        public static final String BLUR_WARNING = "blurWarning";
        /** Soft signals of the application: a change from an enterprise to an individual identity. */
        public static final String ENTERPRISE_TO_INDIVIDUAL = "enterpriseToIndividual";
        /** Days since the account's last rejected application was decided; null when it has none. */
        public static final String DAYS_SINCE_LAST_REJECTION = "daysSinceLastRejection";
        /** The four-eyes table's answer: an approval stands only with a second reviewer's approval. */
        public static final String SECOND_REVIEW_REQUIRED = "secondReviewRequired";

        /** The address of page {@code page} (1 to 4) of the document, for the reviewer's form: {@code documentPage2Url}. */
        public static String documentPageUrl(int page) {
            return "documentPage" + page + "Url";
        }
    }

    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_REJECT = "REJECT";
    /** Ask the holder for new pages of the document, with the reasons, instead of rejecting. */
    public static final String DECISION_REQUEST_PHOTO = "REQUEST_PHOTO";

    /** The decisions a reviewer may take on {@link #USER_TASK_REVIEW}; a new one is added here. */
    public static final List<String> REVIEW_DECISIONS = List.of(DECISION_APPROVE, DECISION_REJECT,
            DECISION_REQUEST_PHOTO);

    /** The decisions a second reviewer may take on {@link #USER_TASK_SECOND_REVIEW}. */
    public static final List<String> SECOND_REVIEW_DECISIONS = List.of(DECISION_APPROVE, DECISION_REJECT);

    /** The decisions that need at least one reason in {@code rejectionReasons}. */
    public static final List<String> REVIEW_DECISIONS_WITH_REASONS = List.of(DECISION_REJECT, DECISION_REQUEST_PHOTO);

    /**
     * The only variables a reviewer may set when completing {@link #USER_TASK_REVIEW}: everything else of the review
     * (who decided, whether the automated checks passed, the document's address) is the application's to set.
     */
    public static final List<String> REVIEW_INPUTS = List.of(Var.DECISION, Var.REJECTION_REASONS, Var.REVIEW_COMMENT);

    /**
     * Variables the application sets once and never changes (ids, and what is derived from them): their value stays in
     * the history's variable instance, so the history keeps no separate detail of their creation; a later change of one
     * is kept like any other.
     */
    public static final List<String> SET_ONCE_VARIABLES = List.of(Var.APPLICATION_ID, Var.ACCOUNT_ID, Var.IDENTITY_TYPE,
            Var.KIND, Var.APPROVAL_EVENT, Var.DOCUMENT_URL, Var.DOCUMENT_PAGE_COUNT, Var.ENTERED_DATA_URL,
            Var.documentPageUrl(1), Var.documentPageUrl(2), Var.documentPageUrl(3), Var.documentPageUrl(4));
    public static final String ERROR_QUOTA_EXCEEDED = "QUOTA_EXCEEDED";
    public static final String AUTOMATED_CHECKS_ACTOR = "automated-checks";
}
