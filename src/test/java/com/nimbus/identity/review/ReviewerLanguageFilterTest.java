package com.nimbus.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReviewerLanguageFilterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ReviewerLanguageFilter filter = new ReviewerLanguageFilter(json, "/camunda");

    private static final String VARIABLES = "{\"documentUrl\":{\"type\":\"String\",\"value\":\"http://x/review\",\"valueInfo\":{}}}";

    private MockHttpServletResponse get(String path, String acceptLanguage, String answer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain engine = (req, res) -> {
            res.setContentType("application/json");
            res.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
        };
        filter.doFilter(request, response, engine);
        return response;
    }

    private JsonNode language(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsByteArray()).get("reviewerLanguage");
    }

    @Test
    void aChineseBrowserGetsChineseFormTextsInTasklistAndThroughTheRestApi() throws Exception {
        for (String path : new String[] {"/camunda/api/engine/engine/default/task/t-1/form-variables",
                "/engine-rest/task/t-1/form-variables"}) {
            MockHttpServletResponse response = get(path, "zh-CN,zh;q=0.9,en;q=0.8", VARIABLES);
            assertThat(language(response).get("value").asText()).isEqualTo("zh");
            assertThat(language(response).get("type").asText()).isEqualTo("String");
            // the engine's variables are all still there
            assertThat(json.readTree(response.getContentAsByteArray()).at("/documentUrl/value").asText())
                    .isEqualTo("http://x/review");
        }
    }

    @Test
    void everyOtherBrowserLikeTasklistFallsBackToEnglish() throws Exception {
        String path = "/camunda/api/engine/engine/default/task/t-1/form-variables";
        assertThat(language(get(path, "en-GB,en;q=0.9", VARIABLES)).get("value").asText()).isEqualTo("en");
        assertThat(language(get(path, "de-DE,zh;q=0.5", VARIABLES)).get("value").asText()).isEqualTo("en");
        assertThat(language(get(path, null, VARIABLES)).get("value").asText()).isEqualTo("en");
        assertThat(language(get(path, "en;q=0.3,zh-TW;q=0.9", VARIABLES)).get("value").asText()).isEqualTo("zh");
    }

    @Test
    void otherAnswersPassUnchanged() throws Exception {
        assertThat(get("/camunda/api/engine/engine/default/task/t-1/variables", "zh-CN", VARIABLES)
                .getContentAsString()).isEqualTo(VARIABLES);
        String error = "{\"type\":\"InvalidRequestException\",\"message\":\"no task\"}";
        assertThat(get("/engine-rest/task/t-1/form-variables", "zh-CN", "[1,2]").getContentAsString()).isEqualTo("[1,2]");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/t-9/form-variables");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(404);
            res.getOutputStream().write(error.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).isEqualTo(error);
    }
}
