package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** R5: due dates in business days. */
class BusinessCalendarTest {

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    @Test
    void threeBusinessDaysFromAThursdaySkipTheWeekend() {
        BusinessCalendar calendar = new BusinessCalendar(List.of(), ZoneId.of("UTC"));
        assertThat(calendar.addBusinessDays(at("2026-11-26T10:00:00Z"), 3)).isEqualTo(at("2026-12-01T10:00:00Z"));
        assertThat(calendar.addBusinessDays(at("2026-11-23T10:00:00Z"), 3)).isEqualTo(at("2026-11-26T10:00:00Z"));
    }

    @Test
    void configuredHolidaysAreSkippedToo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("identity.review.holidays[0]", "2026-12-24")
                .withProperty("identity.review.holidays[1]", "2026-12-25")
                .withProperty("identity.review.zone", "Asia/Shanghai");
        BusinessCalendar calendar = new BusinessCalendar(environment);
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
        // Wednesday 23rd, 10:00 in Shanghai: Thursday and Friday are holidays, Saturday and Sunday weekend
        assertThat(calendar.addBusinessDays(at("2026-12-23T02:00:00Z"), 3)).isEqualTo(at("2026-12-30T02:00:00Z"));
        assertThat(new BusinessCalendar(new MockEnvironment().withProperty("identity.review.holidays", "2026-12-25,2027-01-01"))
                .isBusinessDay(LocalDate.parse("2027-01-01"))).isFalse();
    }
}
