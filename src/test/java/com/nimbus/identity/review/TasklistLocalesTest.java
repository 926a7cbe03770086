package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasklist's English and Chinese texts, as the webapp loads them from the class path. */
class TasklistLocalesTest {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
    private final ObjectMapper json = new ObjectMapper();

    private String text(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        }
    }

    @Test
    void everyTextTasklistHasInEnglishIsTranslatedToChinese() throws Exception {
        JsonNode en = json.readTree(text(TASKLIST + "locales/en.json"));
        JsonNode zh = json.readTree(text(TASKLIST + "locales/zh.json"));
        List<String> missing = new ArrayList<>();
        en.get("labels").fieldNames().forEachRemaining(key -> {
            boolean blankInEnglish = en.get("labels").get(key).asText().isBlank();
            if (!zh.get("labels").hasNonNull(key) || (!blankInEnglish && zh.get("labels").get(key).asText().isBlank())) {
                missing.add(key);
            }
        });
        assertThat(missing).isEmpty();
        assertThat(zh.at("/labels/CLAIM_TASK").asText()).isEqualTo("认领");
        assertThat(zh.at("/labels/COMPLETE").asText()).isEqualTo("完成");
        assertThat(zh.at("/dateLocales/months/0").asText()).isEqualTo("一月");
    }

    @Test
    void tasklistOffersEnglishAndChineseAndHidesTheCommunityBanner() throws Exception {
        String config = text(TASKLIST + "scripts/config.js");
        assertThat(config).contains("availableLocales: ['en', 'zh']", "fallbackLocale: 'en'");
        assertThat(text(TASKLIST + "styles/user-styles.css")).containsPattern("\\.ce-eol-banner \\{\\s*display: none");
    }
}
