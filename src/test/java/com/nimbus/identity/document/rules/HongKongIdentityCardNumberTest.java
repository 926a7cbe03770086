package com.nimbus.identity.document.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.support.TestIdentities;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class HongKongIdentityCardNumberTest {

    private final HongKongIdentityCardNumber format = new HongKongIdentityCardNumber();

    @RepeatedTest(20)
    void acceptsGeneratedNumbersWithoutParentheses() {
        assertThat(format.problem(TestIdentities.hkid())).isEmpty();
    }

    @RepeatedTest(5)
    void acceptsGeneratedNumbersWithParenthesesOnceNormalised() {
        String printed = TestIdentities.withParentheses(TestIdentities.hkid());
        assertThat(printed).matches("[A-Z][0-9]{6}\\([0-9A]\\)");
        assertThat(format.problem(DocumentNumbers.normalise(printed))).isEmpty();
    }

    @Test
    void acceptsTheWidelyPublishedSample() {
        // computed independently by the published rule; guards against the generator and the rule sharing a mistake
        assertThat(format.problem(DocumentNumbers.normalise("A123456(3)"))).isEmpty();
        assertThat(format.problem("A1234563")).isEmpty();
    }

    @RepeatedTest(5)
    void acceptsTwoLetterPrefixes() {
        assertThat(format.problem(TestIdentities.hkid("XA"))).isEmpty();
        assertThat(format.problem(DocumentNumbers.normalise(TestIdentities.withParentheses(TestIdentities.hkid("WX"))))).isEmpty();
    }

    @Test
    void acceptsCheckDigitA() {
        String id = TestIdentities.hkidEndingInA();
        assertThat(format.problem(id)).isEmpty();
        assertThat(format.problem(DocumentNumbers.normalise(TestIdentities.withParentheses(id).toLowerCase()))).isEmpty();
    }

    @Test
    void refusesAWrongCheckDigit() {
        String id = TestIdentities.hkid();
        char last = id.charAt(id.length() - 1);
        String wrong = id.substring(0, id.length() - 1) + (last == '1' ? '2' : '1');
        assertThat(format.problem(wrong)).contains("the check digit does not match");
        assertThat(format.problem(DocumentNumbers.normalise(TestIdentities.withParentheses(wrong))))
                .contains("the check digit does not match");
    }

    @Test
    void refusesATwoLetterNumberWithTheCheckDigitOfItsOneLetterTail() {
        String one = TestIdentities.hkid("A");
        String two = "C" + one; // same digits and check digit, one more letter
        assertThat(TestIdentities.hkidCheck(two.substring(0, 8))).isNotEqualTo(one.charAt(7));
        assertThat(format.problem(two)).contains("the check digit does not match");
    }

    @Test
    void refusesWrongShapes() {
        String id = TestIdentities.hkid();
        String expected = "expected 1 or 2 letters, 6 digits and a check digit (0-9 or A)";
        assertThat(format.problem(id.substring(1))).contains(expected);           // no letter
        assertThat(format.problem(id.substring(0, 7))).contains(expected);        // no check digit
        assertThat(format.problem("ABC" + id.substring(1))).contains(expected);   // three letters
        assertThat(format.problem(id.substring(0, 7) + "B")).contains(expected);  // check letter other than A
        assertThat(format.problem(id.substring(0, 7) + "(" + id.charAt(7) + ")")).contains(expected); // not normalised
    }
}
