package com.nimbus.identity.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two spellings of one name are one name; two names are two. */
class TextNormaliserTest {

    @Test
    void punctuationSpacingCaseAndWidthDoNotMakeAnotherName() {
        assertThat(TextNormaliser.same("Nimbus Cloud Co., Ltd.", "Nimbus Cloud Co Ltd")).isTrue();
        assertThat(TextNormaliser.same("Nimbus Cloud Co., Ltd.", "NIMBUS  CLOUD CO LTD")).isTrue();
        assertThat(TextNormaliser.same("ＮＩＭＢＵＳ Ｌｔｄ．", "Nimbus Ltd")).isTrue();
        assertThat(TextNormaliser.same("北京云科技有限公司（朝阳）", "北京云科技有限公司 (朝阳)")).isTrue();
        assertThat(TextNormaliser.same("No. 1 Jianguo Road,\tChaoyang", "no 1 jianguo road chaoyang")).isTrue();
        assertThat(TextNormaliser.same("Nimbus \u201CCloud\u201D Ltd", "Nimbus \"Cloud\" Ltd")).isTrue();
        assertThat(TextNormaliser.same("Müller-Lüdenscheidt GmbH", "MÜLLER LÜDENSCHEIDT GMBH")).isTrue();
        assertThat(TextNormaliser.same("Straße 1", "STRASSE 1")).isTrue();
        assertThat(TextNormaliser.same("Nimbus\u200B Cloud", "Nimbus Cloud")).isTrue();
    }

    @Test
    void differentLettersOrDigitsAreDifferentNames() {
        assertThat(TextNormaliser.same("Nimbus Cloud Ltd.", "Nimbus Clouds Ltd.")).isFalse();
        assertThat(TextNormaliser.same("1 Jianguo Road", "2 Jianguo Road")).isFalse();
        assertThat(TextNormaliser.same("北京云科技有限公司", "上海云科技有限公司")).isFalse();
    }

    @Test
    void nothingComparableMatchesNothing() {
        assertThat(TextNormaliser.same("Nimbus", "")).isFalse();
        assertThat(TextNormaliser.same("Nimbus", null)).isFalse();
        assertThat(TextNormaliser.same(null, null)).isFalse();
        assertThat(TextNormaliser.same("., -", "")).isFalse();
        assertThat(TextNormaliser.comparable(" Co., Ltd. ")).isEqualTo("coltd");
    }
}
