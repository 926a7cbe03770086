package com.nimbus.identity.webhook;

import com.nimbus.identity.vocabulary.DomainException;

/** {@code WEBHOOK_DELIVERY_NOT_FOUND}: no webhook delivery with this id. */
public class WebhookDeliveryNotFound extends DomainException {

    public WebhookDeliveryNotFound(String deliveryId) {
        super(Category.NOT_FOUND, "WEBHOOK_DELIVERY_NOT_FOUND", "No webhook delivery " + deliveryId + ".");
    }
}
