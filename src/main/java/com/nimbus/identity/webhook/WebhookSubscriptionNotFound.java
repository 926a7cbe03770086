package com.nimbus.identity.webhook;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code WEBHOOK_SUBSCRIPTION_NOT_FOUND}: no subscription with this id of the calling client. */
public class WebhookSubscriptionNotFound extends DomainException {

    public WebhookSubscriptionNotFound(String subscriptionId) {
        super(Category.NOT_FOUND, "WEBHOOK_SUBSCRIPTION_NOT_FOUND", "No webhook subscription " + subscriptionId + ".");
    }
}
