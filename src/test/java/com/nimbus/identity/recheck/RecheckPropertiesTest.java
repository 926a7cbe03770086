package com.nimbus.identity.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.support.Settings;
import org.junit.jupiter.api.Test;

/** {@code identity.recheck.*}, bound and checked as at start. */
class RecheckPropertiesTest {

    @Test
    void theDefaultIsTheDatabaseRegistryDailyAtTwoInPagesOf250() {
        RecheckProperties recheck = Settings.bound(RecheckProperties.class);
        assertThat(recheck.registry()).isEqualTo("database");
        assertThat(recheck.schedule()).isEqualTo("0 0 2 * * ?");
        assertThat(recheck.pageSize()).isEqualTo(250);
    }

    @Test
    void anUnknownRegistryOrAPageBeyondTheBoundStopsTheStart() {
        assertThat(Settings.refusal("identity.recheck.registry=ldap")).contains("must be database or http");
        assertThat(Settings.refusal("identity.recheck.page-size=5000")).contains("pageSize");
    }

    @Test
    void theHttpRegistryNeedsItsAddress() {
        assertThat(Settings.refusal("identity.recheck.registry=http"))
                .contains("identity.recheck.registry=http needs identity.recheck.http.base-url");
        assertThat(Settings.bound(RecheckProperties.class, "identity.recheck.registry=http",
                "identity.recheck.http.base-url=https://registry.example.com/api").http().baseUrl())
                .hasToString("https://registry.example.com/api");
    }
}
