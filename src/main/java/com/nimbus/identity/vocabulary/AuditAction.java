package com.nimbus.identity.vocabulary;

/** What an audit entry records: the actions on identity data a compliance officer must be able to trace. */
public enum AuditAction {
    /** A reviewer opened a page of an application's document (or its entered data). */
    DOCUMENT_PAGE_VIEWED,
    /** A reviewer (or the automated checks) approved or rejected an application. */
    APPLICATION_DECIDED,
    /** The account holder withdrew a pending application. */
    APPLICATION_WITHDRAWN,
    /** A verification was revoked. */
    VERIFICATION_REVOKED,
    /** An account's identity data was erased on request. */
    ACCOUNT_ERASED,
    /** The keys of identity data were rotated: the detail counts what was sealed again. */
    KEYS_ROTATED,
    /** The retention policy deleted what its periods allow no longer: the detail counts it. */
    RETENTION_APPLIED
}
