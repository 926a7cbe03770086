package com.nimbus.identity.account;

import java.util.Optional;

/**
 * Which application of an account is pending, for {@code GET .../verification}. The account feature owns the
 * question; the applications feature, which keeps the pending marker, answers it. So the account never reaches
 * into applications, and applications, which need accounts, still only look down.
 */
public interface PendingApplications {

    /** The id of the account's pending application, if it has one. */
    Optional<String> pendingApplicationId(String accountId);
}
