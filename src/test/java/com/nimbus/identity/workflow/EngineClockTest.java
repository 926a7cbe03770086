package com.nimbus.identity.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application's clock follows the engine's, so that a moved engine clock moves every recorded time. */
class EngineClockTest {

    private final Clock clock = new ClockConfiguration().clock();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void readsTheEnginesClockWhenItIsMoved() {
        Instant later = Instant.parse("2031-02-03T04:05:06Z");
        ClockUtil.setCurrentTime(Date.from(later));

        assertThat(clock.instant()).isEqualTo(later);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2031, 2, 3));

        ClockUtil.setCurrentTime(Date.from(later.plusSeconds(86_400)));
        assertThat(clock.instant()).isEqualTo(later.plusSeconds(86_400));
    }

    @Test
    void isInUtcAndKeepsFollowingTheEngineInAnotherZone() {
        Instant at = Instant.parse("2031-02-03T23:30:00Z");
        ClockUtil.setCurrentTime(Date.from(at));
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(shanghai.instant()).isEqualTo(at);
        assertThat(LocalDate.now(shanghai)).isEqualTo(LocalDate.of(2031, 2, 4));
    }
}
