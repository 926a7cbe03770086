package com.nimbus.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code identity.change-lock.*} and {@code identity.entitlements.*}, bound and checked as at start. */
class AccountPropertiesTest {

    @Test
    void theLockLastsThirtyDaysUnlessConfigured() {
        assertThat(Settings.bound(ChangeLockProperties.class).duration()).isEqualTo(Duration.ofDays(30));
        assertThat(Settings.bound(ChangeLockProperties.class, "identity.change-lock.duration=P45D").duration())
                .isEqualTo(Duration.ofDays(45));
    }

    @Test
    void aLockOfNoLengthOrNotADurationStopsTheStart() {
        assertThat(Settings.refusal("identity.change-lock.duration=PT0S"))
                .contains("identity.change-lock").contains("duration");
        assertThat(Settings.refusal("identity.change-lock.duration=thirty days")).contains("identity.change-lock.duration");
    }

    @Test
    void mainlandChinaRegionsComeAsAListOrCommaSeparated() {
        assertThat(Settings.bound(EntitlementsProperties.class).mainlandChinaRegions())
                .contains("ap-guangzhou", "ap-beijing", "ap-shanghai");
        assertThat(Settings.bound(EntitlementsProperties.class,
                "identity.entitlements.mainland-china-regions=ap-beijing, ap-wuhan").mainlandChinaRegions())
                .containsExactly("ap-beijing", "ap-wuhan");
    }
}
