package com.nimbus.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Wrong credentials per client address: refused after the limit, until the window from the first failure ends. */
class LoginThrottleTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2025-07-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock,
            new ApiProperties(new ApiProperties.LoginThrottle(3, Duration.ofMinutes(5), 100)));

    @Test
    void anAddressIsRefusedAfterItsFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusedFor("203.0.113.7")).isEmpty();
            throttle.failed("203.0.113.7");
        }
        assertThat(throttle.refusedFor("203.0.113.7")).hasValue(Duration.ofMinutes(5));
        assertThat(throttle.refusedFor("203.0.113.8")).as("another address").isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.refusedFor("203.0.113.7")).hasValue(Duration.ofMinutes(1));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("203.0.113.7")).isEmpty();
        throttle.failed("203.0.113.7");
        assertThat(throttle.refusedFor("203.0.113.7")).as("a new window counts from one").isEmpty();
    }

    @Test
    void failuresSpacedWiderThanTheWindowNeverAddUp() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("198.51.100.1");
            clock.now = clock.now.plus(Duration.ofMinutes(6));
        }
        assertThat(throttle.refusedFor("198.51.100.1")).isEmpty();
    }

    @Test
    void anIpv6NetworkCountsAsOneAddress() {
        throttle.failed("2001:db8:1:2::1");
        throttle.failed("2001:db8:1:2::2");
        throttle.failed("2001:db8:1:2:ffff::3");
        assertThat(throttle.refusedFor("2001:db8:1:2::99")).isPresent();
        assertThat(throttle.refusedFor("2001:db8:1:3::1")).as("another /64").isEmpty();
    }

    @Test
    void theMemoryIsBounded() {
        LoginThrottle small = new LoginThrottle(clock, new ApiProperties(
                new ApiProperties.LoginThrottle(1, Duration.ofMinutes(5), 100)));
        small.failed("192.0.2.1");
        for (int i = 0; i < 100; i++) {
            small.failed("10.0.0." + i);
        }
        assertThat(small.refusedFor("192.0.2.1")).as("the least recently seen address is forgotten").isEmpty();
        assertThat(small.refusedFor("10.0.0.99")).isPresent();
    }
}
