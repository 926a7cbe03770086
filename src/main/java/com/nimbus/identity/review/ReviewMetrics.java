package com.nimbus.identity.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The review team's metrics, for supervisors' dashboards and alerts ({@code /actuator/metrics/identity.review.*},
 * and Prometheus where a registry is added):
 * <ul>
 *   <li>gauges from the team's figures ({@link SupervisionFigures}, the cluster's numbers): {@code identity.review.queue}
 *   (open review tasks), {@code identity.review.oldest.age} (seconds, 0 when the queue is empty),
 *   {@code identity.review.overdue}, {@code identity.review.decisions.today} and
 *   {@code identity.review.on.time.ratio} (reviews of the last 14 days decided by their due date, 0 to 1);</li>
 *   <li>this node's decisions as they happen: the counter {@code identity.review.decisions} (tag {@code decision}),
 *   the counter {@code identity.review.rejection.reasons} (tag {@code reason}) and the timer
 *   {@code identity.review.time.to.decision} from task to decision (tag {@code on.time}: by the due date or
 *   not). Per day: {@code increase(...[1d])}.</li>
 * </ul>
 */
@Component
class ReviewMetrics {

    private final MeterRegistry meters;

    ReviewMetrics(SupervisionFigures figures, MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("identity.review.queue", figures, f -> f.now().queue())
                .description("Review tasks waiting for a decision").register(meters);
        Gauge.builder("identity.review.oldest.age", figures,
                        f -> f.now().oldest().map(Duration::toSeconds).orElse(0L))
                .baseUnit("seconds").description("Age of the oldest review task waiting").register(meters);
        Gauge.builder("identity.review.overdue", figures, f -> f.now().overdue())
                .description("Review tasks past their due date (3 business days)").register(meters);
        Gauge.builder("identity.review.decisions.today", figures, f -> f.now().decidedToday())
                .description("Applications decided by reviewers today (UTC)").register(meters);
        Gauge.builder("identity.review.on.time.ratio", figures, f -> f.now().onTimeShare())
                .description("Share of the reviews of the last 14 days decided by their due date").register(meters);
    }

    /** A review decided on this node: its decision, the reasons of a rejection, and how long it took. */
    void decided(String decision, List<String> reasons, Duration taken, boolean onTime) {
        Counter.builder("identity.review.decisions").tag("decision", decision)
                .description("Review decisions taken on this node").register(meters).increment();
        reasons.forEach(reason -> Counter.builder("identity.review.rejection.reasons").tag("reason", reason)
                .description("Reasons reviewers gave for rejections on this node").register(meters).increment());
        Timer.builder("identity.review.time.to.decision").tag("on.time", Boolean.toString(onTime))
                .description("From the review task's creation to its decision").register(meters).record(taken);
    }
}
