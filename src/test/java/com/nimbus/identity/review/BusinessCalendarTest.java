package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        BusinessCalendar calendar = new BusinessCalendar(Settings.bound(ReviewProperties.class,
                "identity.review.holidays[0]=2026-12-24", "identity.review.holidays[1]=2026-12-25",
                "identity.review.zone=Asia/Shanghai"));
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
        // Wednesday 23rd, 10:00 in Shanghai: Thursday and Friday are holidays, Saturday and Sunday weekend
        assertThat(calendar.addBusinessDays(at("2026-12-23T02:00:00Z"), 3)).isEqualTo(at("2026-12-30T02:00:00Z"));
        assertThat(new BusinessCalendar(Settings.bound(ReviewProperties.class,
                "identity.review.holidays=2026-12-25,2027-01-01")).isBusinessDay(LocalDate.parse("2027-01-01"))).isFalse();
    }

    @Test
    void theDefaultsAreNoHolidaysInUtc() {
        ReviewProperties defaults = Settings.bound(ReviewProperties.class);
        assertThat(defaults.holidays()).isEmpty();
        assertThat(defaults.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void anUnreadableHolidayOrZoneStopsTheStart() {
        assertThat(Settings.refusal("identity.review.holidays=2026-02-30")).contains("identity.review.holidays");
        assertThat(Settings.refusal("identity.review.zone=Mars/Olympus")).contains("identity.review.zone");
    }
}
