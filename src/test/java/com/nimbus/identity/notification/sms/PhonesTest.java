package com.nimbus.identity.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void keepsTheCountryCodeAndTheLastFourDigits() {
        assertThat(Phones.mask("+8613812345678")).isEqualTo("+86*******5678");
        assertThat(Phones.mask("+65 9123 4567")).isEqualTo("+65 **** 4567");
        assertThat(Phones.mask("13812345678")).isEqualTo("13*****5678");
        assertThat(Phones.mask("+1-415-555-0132")).isEqualTo("+1-4**-***-0132");
    }

    @Test
    void aShortNumberKeepsOnlyItsLastTwoDigits() {
        assertThat(Phones.mask("1234567")).isEqualTo("*****67");
    }

    @Test
    void nothingIsNothing() {
        assertThat(Phones.mask(null)).isEmpty();
        assertThat(Phones.mask("  ")).isEmpty();
    }
}
