package com.nimbus.identity.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Gauges for operators, at {@code /actuator/metrics/identity.webhooks.deliveries} (tag {@code status}):
 * {@code failed}, deliveries that used up their retry schedule and wait for an operator (alert on more than 0), and
 * {@code pending}, deliveries still to be made (a growing backlog means a target is down or the node cannot keep up).
 * Counted in the database, so every node shows the cluster's numbers. Attempts are counted by the dispatcher
 * ({@code identity.webhooks.attempts}, tag {@code outcome}).
 */
@Component
class WebhookMetrics {

    WebhookMetrics(Deliveries deliveries, MeterRegistry meters) {
        Gauge.builder("identity.webhooks.deliveries", deliveries, d -> d.countWaiting().get("FAILED"))
                .tag("status", "failed")
                .description("Webhook deliveries that failed every attempt of the retry schedule; redeliver them at "
                        + "/api/admin/webhook-deliveries")
                .register(meters);
        Gauge.builder("identity.webhooks.deliveries", deliveries, d -> d.countWaiting().get("PENDING"))
                .tag("status", "pending")
                .description("Webhook deliveries not made yet (due now, or waiting for their next attempt)")
                .register(meters);
    }
}
