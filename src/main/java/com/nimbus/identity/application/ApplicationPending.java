package com.nimbus.identity.application;

import com.nimbus.identity.vocabulary.DomainException;
import java.util.Map;

/** {@code APPLICATION_PENDING}: the account already has a pending application, named when known. */
public class ApplicationPending extends DomainException {

    private static final String DETAIL = "The account already has a pending application.";

    /** The pending application is known: its id goes to the client. */
    public ApplicationPending(String pendingApplicationId) {
        super(Category.CONFLICT, "APPLICATION_PENDING", DETAIL, Map.of("pendingApplicationId", pendingApplicationId));
    }

    /** Another submission took the account's pending slot at the same moment (the database's unique constraint). */
    public static ApplicationPending concurrently() {
        return new ApplicationPending();
    }

    private ApplicationPending() {
        super(Category.CONFLICT, "APPLICATION_PENDING", DETAIL);
    }
}
