package com.nimbus.identity.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentNumbersTest {

    @Test
    void foldsFullWidthDigitsAndLettersToAscii() {
        // "１１０１０５１９４９１２３１００２ｘ": full-width digits and a full-width lower-case x
        assertThat(DocumentNumbers.normalise("\uFF11\uFF11\uFF10\uFF11\uFF10\uFF15\uFF11\uFF19\uFF14\uFF19"
                + "\uFF11\uFF12\uFF13\uFF11\uFF10\uFF10\uFF12\uFF58"))
                .isEqualTo("11010519491231002X");
    }

    @Test
    void dropsFullWidthParenthesesAndIdeographicSpaces() {
        // "Ａ１２３４５６（３）" with an ideographic space inside
        assertThat(DocumentNumbers.normalise("\uFF21\u3000\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF08\uFF13\uFF09"))
                .isEqualTo("A1234563");
    }

    @Test
    void dropsAsciiParentheses() {
        assertThat(DocumentNumbers.normalise("A123456(3)")).isEqualTo("A1234563");
        assertThat(DocumentNumbers.normalise("XA 123456 (A)")).isEqualTo("XA123456A");
    }

    @Test
    void dropsSpacesHyphensDashesSlashesAndDots() {
        assertThat(DocumentNumbers.normalise(" 12.34-56/78 ")).isEqualTo("12345678");
        // full-width hyphen-minus, en dash, non-breaking space
        assertThat(DocumentNumbers.normalise("12\uFF0D34\u201356\u00A078")).isEqualTo("12345678");
    }

    @Test
    void upperCasesLetters() {
        assertThat(DocumentNumbers.normalise("e12345678")).isEqualTo("E12345678");
    }

    @Test
    void keepsCharactersThatAreNotSeparators() {
        // a filler or an accent is not dropped silently: the number's rule must see it and refuse it
        assertThat(DocumentNumbers.normalise("E1234<<")).isEqualTo("E1234<<");
        assertThat(DocumentNumbers.normalise("\u00C91234")).isEqualTo("\u00C91234");
    }

    @Test
    void aMissingNumberIsEmpty() {
        assertThat(DocumentNumbers.normalise(null)).isEmpty();
    }

    @Test
    void masksAllButTheLastFourOfTheNormalisedNumber() {
        assertThat(DocumentNumbers.mask("A123456(3)")).isEqualTo("****4563");
    }
}
