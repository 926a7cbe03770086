package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupervisionPageTest {

    private static SupervisionFigures.Figures figures(int queue, Optional<Duration> oldest, int overdue,
                                                      Map<String, Integer> reasons, int onTime, int late) {
        List<SupervisionFigures.Day> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 11, 9);
        for (int i = 0; i < SupervisionFigures.DAYS; i++) {
            days.add(new SupervisionFigures.Day(first.plusDays(i), i, i % 3));
        }
        Map<Integer, Integer> buckets = new LinkedHashMap<>();
        SupervisionFigures.DAY_BUCKETS.forEach(b -> buckets.put(b, b));
        buckets.put(Integer.MAX_VALUE, 2);
        return new SupervisionFigures.Figures(Instant.parse("2026-11-22T10:00:00Z"), queue, oldest, overdue, days,
                onTime, late, buckets, reasons);
    }

    @Test
    void thePageDrawsTheQueueDecisionsTimeToDecisionAndReasonsAsPictures() {
        String html = SupervisionPage.render(figures(7, Optional.of(Duration.ofHours(80)), 2,
                Map.of("NAME_MISMATCH", 5, "DOCUMENT_EXPIRED", 2), 9, 3));
        for (String chart : List.of("queue", "decisions-per-day", "time-to-decision", "reasons-mix")) {
            assertThat(html).contains("<figure id=\"" + chart + "\"");
        }
        assertThat(html.split("<svg", -1)).hasSize(5);
        // the queue's tiles, today's bar (13 approved, 1 rejected), the share on time, and each reason's bar
        assertThat(html).contains(">7</text>", ">3 d 8 h</text>", ">2</text>");
        assertThat(html).contains("<title>2026-11-22: 13 approved</title>", "<title>2026-11-22: 1 rejected</title>");
        assertThat(html).contains("9 of 12 (75%)");
        assertThat(html).contains("<title>NAME_MISMATCH: 5</title>", "<title>DOCUMENT_EXPIRED: 2</title>");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void anEmptyPeriodStillDrawsEveryChart() {
        String html = SupervisionPage.render(figures(0, Optional.empty(), 0, Map.of(), 0, 0));
        assertThat(html).contains("No rejection in the period", "0 of 0 (100%)", ">-</text>");
    }

    @Test
    void agesReadAsDaysHoursOrMinutes() {
        assertThat(SupervisionPage.age(Duration.ofMinutes(42))).isEqualTo("42 min");
        assertThat(SupervisionPage.age(Duration.ofMinutes(135))).isEqualTo("2 h 15 min");
        assertThat(SupervisionPage.age(Duration.ofHours(49))).isEqualTo("2 d 1 h");
    }
}
