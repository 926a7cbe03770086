package com.nimbus.identity.document.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.support.TestIdentities;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CnResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private final CnResidentIdNumber format = new CnResidentIdNumber(
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @RepeatedTest(20)
    void acceptsGeneratedNumbers() {
        assertThat(format.problem(TestIdentities.cnResidentId())).isEmpty();
    }

    @Test
    void acceptsACheckCharacterX() {
        String id = TestIdentities.cnResidentIdEndingInX();
        assertThat(id).endsWith("X");
        assertThat(format.problem(id)).isEmpty();
    }

    @Test
    void acceptsTheStandardsOwnExample() {
        // GB 11643-1999's worked example; guards against the test generator and the rule sharing a mistake
        assertThat(format.problem("11010519491231002X")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105", "120101", "310104", "440305", "460100", "500101", "540102", "650102"})
    void acceptsEveryProvinceLevelPrefixItKnows(String division) {
        assertThat(format.problem(TestIdentities.cnResidentId(division, LocalDate.of(1990, 5, 17)))).isEmpty();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        String id = TestIdentities.cnResidentId();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        assertThat(format.problem(wrong)).contains("the check character does not match (ISO 7064 MOD 11-2)");
    }

    @Test
    void refusesAChangedDigitThatTheCheckCharacterCatches() {
        String id = TestIdentities.cnResidentId(); // sequence digit 15 changed, check character kept
        String changed = id.substring(0, 15) + (char) ('0' + (id.charAt(15) - '0' + 1) % 10) + id.substring(16);
        assertThat(format.problem(changed)).contains("the check character does not match (ISO 7064 MOD 11-2)");
    }

    @Test
    void refusesFebruaryThirtiethEvenWithAMatchingCheckCharacter() {
        String body = "110105" + "19900230" + "123";
        assertThat(format.problem(body + TestIdentities.cnResidentIdCheck(body))).contains("the birth date is not a real date");
    }

    @Test
    void refusesFebruaryTwentyNinthOfACommonYearButNotOfALeapYear() {
        String common = "110105" + "19990229" + "123";
        String leap = "110105" + "20000229" + "123";
        assertThat(format.problem(common + TestIdentities.cnResidentIdCheck(common))).contains("the birth date is not a real date");
        assertThat(format.problem(leap + TestIdentities.cnResidentIdCheck(leap))).isEmpty();
    }

    @Test
    void refusesAMonthThirteen() {
        String body = "110105" + "19901301" + "123";
        assertThat(format.problem(body + TestIdentities.cnResidentIdCheck(body))).contains("the birth date is not a real date");
    }

    @Test
    void refusesABirthDateInTheFutureButAcceptsToday() {
        assertThat(format.problem(TestIdentities.cnResidentId("110105", TODAY.plusDays(1))))
                .contains("the birth date is in the future");
        assertThat(format.problem(TestIdentities.cnResidentId("110105", TODAY))).isEmpty();
    }

    @Test
    void refusesABirthDateBefore1900() {
        assertThat(format.problem(TestIdentities.cnResidentId("110105", LocalDate.of(1899, 12, 31))))
                .contains("the birth date is before 1900");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "100000", "160101", "240101", "380101", "470101", "550101", "660101", "710101", "990101"})
    void refusesAnUnknownRegionPrefix(String division) {
        assertThat(format.problem(TestIdentities.cnResidentId(division, LocalDate.of(1990, 5, 17))))
                .contains("an unknown province-level region code");
    }

    @Test
    void refusesWrongLengths() {
        String id = TestIdentities.cnResidentId();
        assertThat(format.problem(id.substring(0, 17))).contains("not 18 characters");
        assertThat(format.problem(id + "1")).contains("not 18 characters");
        assertThat(format.problem("")).contains("not 18 characters");
        assertThat(format.problem(null)).contains("not 18 characters");
    }

    @Test
    void refusesTheOld15DigitNumber() {
        assertThat(format.problem("110105491231002")).contains("not 18 characters");
    }

    @Test
    void refusesALetterInTheFirst17AndACheckLetterOtherThanX() {
        String id = TestIdentities.cnResidentId();
        assertThat(format.problem("A" + id.substring(1))).contains("a character other than a digit in the first 17");
        assertThat(format.problem(id.substring(0, 17) + "Y")).contains("a check character other than a digit or X");
    }

    @Test
    void acceptsFullWidthInputOnceNormalised() {
        String id = TestIdentities.cnResidentIdEndingInX();
        StringBuilder fullWidth = new StringBuilder();
        id.toLowerCase().chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0))); // ASCII -> full-width forms
        assertThat(format.problem(fullWidth.toString())).isPresent();
        assertThat(format.problem(DocumentNumbers.normalise(fullWidth.toString()))).isEmpty();
    }

    @Test
    void itsProblemsNeverRepeatAnyPartOfTheNumber() {
        String id = TestIdentities.cnResidentId();
        String body = "110105" + "19900230" + "123";
        for (String wrong : new String[] {id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'), id.substring(1),
                body + TestIdentities.cnResidentIdCheck(body), "99" + id.substring(2)}) {
            String problem = format.problem(wrong).orElseThrow();
            for (int i = 0; i + 6 <= wrong.length(); i++) {
                assertThat(problem).doesNotContain(wrong.substring(i, i + 6));
            }
        }
    }
}
