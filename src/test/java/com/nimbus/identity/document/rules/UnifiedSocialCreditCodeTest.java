package com.nimbus.identity.document.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbus.identity.document.DocumentNumbers;
import com.nimbus.identity.support.TestIdentities;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    private final UnifiedSocialCreditCode format = new UnifiedSocialCreditCode();

    @RepeatedTest(20)
    void acceptsGeneratedCodes() {
        assertThat(format.problem(TestIdentities.unifiedSocialCreditCode())).isEmpty();
    }

    @Test
    void acceptsAPublishedCodeWithLettersInTheOrganisationCode() {
        // a public institution's code as printed; its check characters were not computed by this test's generator
        assertThat(format.problem("12440600MB2C07549J")).isEmpty();
    }

    @Test
    void acceptsLettersOfTheCharsetInTheOrganisationCode() {
        String org = "MA0KY4D" + "1";
        String orgCode = org + TestIdentities.organisationCodeCheck(org);
        assertThat(format.problem(TestIdentities.unifiedSocialCreditCode("91440300" + orgCode))).isEmpty();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        String code = TestIdentities.unifiedSocialCreditCode();
        String wrong = code.substring(0, 17) + (code.charAt(17) == 'A' ? 'B' : 'A');
        assertThat(format.problem(wrong)).contains("the check character does not match (GB 32100)");
    }

    @Test
    void refusesAWrongOrganisationCodeCheckEvenWhenTheCodesOwnCheckMatches() {
        String code = TestIdentities.unifiedSocialCreditCode();
        char orgCheck = code.charAt(16);
        String first17 = code.substring(0, 16) + (orgCheck == '1' ? '2' : '1');
        assertThat(format.problem(TestIdentities.unifiedSocialCreditCode(first17)))
                .contains("the embedded organisation code's check character does not match (GB 11714)");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void refusesACharacterOutsideTheCharset(char letter) {
        String code = TestIdentities.unifiedSocialCreditCode();
        String withLetter = code.substring(0, 9) + letter + code.substring(10);
        assertThat(format.problem(withLetter))
                .contains("a character outside the code's character set (0-9 and A-Y without I, O, S, V, Z)");
    }

    @Test
    void refusesALetterInTheAdministrativeDivision() {
        String first17 = "91" + "1101A5" + "123456789";
        assertThat(format.problem(TestIdentities.unifiedSocialCreditCode(first17)))
                .contains("an administrative division code that is not 6 digits");
    }

    @Test
    void refusesWrongLengths() {
        String code = TestIdentities.unifiedSocialCreditCode();
        assertThat(format.problem(code.substring(0, 17))).contains("not 18 characters");
        assertThat(format.problem(code + "0")).contains("not 18 characters");
        assertThat(format.problem("110105000123456")).contains("not 18 characters"); // an old 15-digit registration number
    }

    @Test
    void acceptsLowerCaseFullWidthAndSeparatorsOnceNormalised() {
        String code = TestIdentities.unifiedSocialCreditCode();
        StringBuilder typed = new StringBuilder(" ");
        code.toLowerCase().chars().forEach(c -> typed.append((char) (c + 0xFEE0))); // full-width forms
        typed.insert(9, '\uFF0D'); // a full-width hyphen after the division code
        assertThat(format.problem(typed.toString())).isPresent();
        assertThat(format.problem(DocumentNumbers.normalise(typed.toString()))).isEmpty();
        assertThat(format.problem(DocumentNumbers.normalise(" 12440600-mb2c0754-9j "))).isEmpty();
    }
}
