package com.nimbus.identity.document.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.support.TestIdentities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcaoPassportNumberTest {

    private final IcaoPassportNumber format = new IcaoPassportNumber();

    @ParameterizedTest
    @ValueSource(strings = {"E12345678", "EA1234567", "K12345678", "123456789", "C01X00T47", "X1234"})
    void acceptsUpToNineLettersAndDigits(String number) {
        assertThat(format.problem(number)).isEmpty();
    }

    @Test
    void acceptsGeneratedNumbers() {
        assertThat(format.problem(TestIdentities.passportNumber())).isEmpty();
    }

    @Test
    void refusesMoreThanNineCharacters() {
        assertThat(format.problem("E123456789")).contains("longer than 9 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E1234567<", "E123_4567", "\u00C91234567", "E12345\u0661"})
    void refusesCharactersOutsideAToZAndDigits(String number) {
        assertThat(format.problem(number)).contains("a character outside A-Z and 0-9");
    }

    @Test
    void refusesANumberWithoutDigits() {
        assertThat(format.problem("PASSPORT")).contains("no digit");
    }

    @Test
    void acceptsFullWidthAndLowerCaseOnceNormalised() {
        assertThat(format.problem(DocumentNumbers.normalise("\uFF45\uFF11\uFF12\uFF13\uFF14 5678"))).isEmpty();
    }
}
