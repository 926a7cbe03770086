package com.nimbus.identity.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and addresses carry printable text only: no character that hides, reorders or breaks what a reader sees. */
class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Wang Xiaoming", "王小明", "Zoë O'Brien-Müller", "1 Jianguo Road, Chaoyang (北京)",
            "Nimbus Cloud Co., Ltd.", "محمد علي", "Ελένη"})
    void printableNamesInAnyScriptPass(String name) {
        assertThat(PlainText.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice\u202Eecila", "Bob\u200B", "Eve\u200D", "\uFEFFMallory", "Line\nBreak", "Tab\tbed",
            "Nul\u0000", "Isolate\u2066x\u2069", "Private\uE000", "Para\u2029graph"})
    void hiddenOrControlCharactersAreNamed(String name) {
        assertThat(PlainText.problem(name)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("must not contain control or invisible formatting characters (found U+"));
        assertThat(PlainText.problem("Alice\u202Eecila")).hasValue(
                "must not contain control or invisible formatting characters (found U+202E)");
    }
}
